// Types for Slidev's clicks context factory, which the component tests use to drive a real
// clicks context (see types/slidev-constants.d.ts for why these are declared here).
import type { ClicksContext } from '@slidev/types'
import type { Ref } from 'vue'

export declare function createClicksContextBase(current: Ref<number>, clicksStart?: number, clicksTotalOverrides?: number): ClicksContext
