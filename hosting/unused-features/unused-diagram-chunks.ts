// Mermaid loads each diagram type, and KaTeX for math in a diagram, as a chunk of its own when a
// diagram needs it. The deck's diagrams are fixed when it is built, and the build draws every
// slide: a chunk Mermaid can load that no slide asked for can never be requested, so it is removed.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** Vite's build manifest (build.manifest in vite.config.ts): one entry per chunk, by source. */
export const MANIFEST = '.vite/manifest.json'
interface Chunk { file: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }

/**
 * The chunks Mermaid loads on demand that were not `requested` (paths under `base`), with every
 * chunk only they reach, as paths in `outDir`.
 */
export function unusedDiagramChunks(manifest: Record<string, Chunk>, base: string, requested: ReadonlySet<string>): string[] {
  const cut = new Set(Object.keys(manifest).filter(key => manifest[key].isDynamicEntry
    && key.includes('node_modules/mermaid/') && !requested.has(`${base}${manifest[key].file}`)))
  const reach = (roots: string[], stop: Set<string>) => {
    const reached = new Set<string>()
    const visit = (key: string) => {
      if (reached.has(key) || stop.has(key) || !manifest[key])
        return
      reached.add(key)
      for (const next of [...manifest[key].imports ?? [], ...manifest[key].dynamicImports ?? []])
        visit(next)
    }
    roots.forEach(visit)
    return reached
  }
  const filesOf = (keys: Set<string>) => new Set([...keys].flatMap(key => [manifest[key].file, ...manifest[key].css ?? []]))
  // Of what the cut chunks reach, what anything else reaches (the entries, every other chunk) stays.
  const reachedFromCut = reach([...cut], new Set())
  const others = Object.keys(manifest).filter(key => manifest[key].isEntry || !reachedFromCut.has(key))
  const kept = filesOf(reach(others, cut))
  return [...filesOf(reachedFromCut)].filter(file => !kept.has(file))
}

/** Removes the unused diagram chunks from `outDir` and the manifest; returns how many files and bytes went. */
export function removeUnusedDiagramChunks(outDir: string, base: string, requested: ReadonlySet<string>) {
  const manifestFile = join(outDir, MANIFEST)
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: vite.config.ts sets build.manifest, which this step reads`)
  const files = unusedDiagramChunks(JSON.parse(readFileSync(manifestFile, 'utf8')), base, requested)
  let bytes = 0
  for (const file of files) {
    bytes += readFileSync(join(outDir, file)).length
    rmSync(join(outDir, file))
  }
  rmSync(join(outDir, '.vite'), { recursive: true })
  return { files: files.length, bytes }
}
