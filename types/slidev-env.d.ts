// Types for Slidev's client config module, which setup/main.ts reads (see
// types/slidev-constants.d.ts for why these are declared here).
import type { SlidevConfig } from '@slidev/types'

export declare const configs: SlidevConfig
