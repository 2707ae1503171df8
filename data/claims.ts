// The essay's figures are the essay's claims. Each entry sets one beside what public sources
// say, so the deck can show the claim as a claim and the presenter knows where it differs.

export type Verdict = 'partly' | 'differs' | 'unsourced'

export interface FactCheck {
  id: string
  /** The essay's figure, in the essay's words. */
  claim: string
  verdict: Verdict
  /** What public sources say, briefly (slide face). */
  record: string
  sources: string[]
}

export const factChecks: FactCheck[] = [
  {
    id: 'openai-valuation',
    claim: '$852 billion, OpenAI',
    verdict: 'partly',
    record: 'a private round\'s value, Mar 31, 2026',
    sources: [
      'https://openai.com/index/accelerating-the-next-phase-ai/',
      'https://cnbc.com/2026/03/31/openai-funding-round-ipo.html',
    ],
  },
  {
    id: 'anthropic-round',
    claim: '$30 billion at over $900 billion, Anthropic',
    verdict: 'differs',
    record: '$30B at $380B, then $65B at $965B',
    sources: [
      'https://anthropic.com/news',
      'https://techcrunch.com/2026/05/28/anthropic-raises-65-billion-nears-1t-valuation-ahead-of-ipo/',
    ],
  },
  {
    id: 'ads-target',
    claim: '$2.5 billion ads target, OpenAI',
    verdict: 'unsourced',
    record: 'no primary source found',
    sources: [
      'https://openai.com/index/our-approach-to-advertising-and-expanding-access/',
      'https://cnbc.com/2026/01/16/open-ai-chatgpt-ads-us.html',
    ],
  },
]

export interface HireFact {
  id: string
  fact: string
  source: string
}

/** What is on record about the hire itself, quoted on the slides and in the notes. */
export const hireFacts: HireFact[] = [
  {
    id: 'axios-report',
    fact: 'Karpathy joins Anthropic\'s pre-training team; his post, quoted in full',
    source: 'https://axios.com/2026/05/19/anthropic-openai-karpathy-andrej-claude',
  },
  {
    id: 'nick-joseph-welcome',
    fact: 'Nick Joseph welcomes him to the Pretraining team',
    source: 'https://x.com/nickevanjoseph',
  },
  {
    id: 'nick-joseph-role',
    fact: 'Nick Joseph is Anthropic\'s Head of Pre-training',
    source: 'https://youtube.com/@ycombinator',
  },
]
