// The essay's figures are the essay's claims. Each entry sets one beside what public sources
// say, so the deck shows the claim as a claim and the presenter knows where it differs.
import { AXIOS_HIRE, GIZMODO_LEAVES, NICK_JOSEPH_X } from './quotes.ts'

export type Verdict = 'partly' | 'differs' | 'unsourced'

/** One fact on record and what supports it: pages, or a report our research names without an address. */
export interface Evidence {
  /** The fact, in a few words: what a sources slide says the pages support. */
  supports: string
  urls: string[]
  /** A report named without an address, e.g. "CNBC and Axios, May 20, 2026". */
  report?: string
}

export interface CheckedClaim {
  id: string
  /** The essay's words, verbatim. */
  claim: string
  verdict: Verdict
  /** What the record says, briefly (slide face); supported by its evidence's pages. */
  record: string
  evidence: Evidence[]
}

export const factChecks: CheckedClaim[] = [
  {
    id: 'openai-valuation',
    claim: 'an IPO at approximately $852 billion valuation',
    verdict: 'partly',
    record: '$852B post-money, in a private round, Mar 31, 2026',
    evidence: [
      {
        supports: 'OpenAI\'s round of Mar 31, 2026: $122B committed at $852B post-money',
        urls: ['https://openai.com/index/accelerating-the-next-phase-ai/', 'https://cnbc.com/2026/03/31/openai-funding-round-ipo.html'],
      },
      { supports: 'OpenAI\'s confidential S-1 in preparation', urls: [], report: 'CNBC and Axios, May 20, 2026' },
    ],
  },
  {
    id: 'anthropic-round',
    claim: 'a $30 billion funding round at over $900 billion',
    verdict: 'differs',
    record: '$30B at $380B (Feb 2026); $65B at $965B (May 2026)',
    evidence: [
      { supports: 'Anthropic\'s Series G, Feb 12, 2026: $30B at $380B post-money', urls: ['https://anthropic.com/news'] },
      {
        supports: 'Anthropic\'s Series H, May 28, 2026: $65B at $965B post-money',
        urls: ['https://techcrunch.com/2026/05/28/anthropic-raises-65-billion-nears-1t-valuation-ahead-of-ipo/'],
      },
    ],
  },
  {
    id: 'poached-co-founder',
    claim: 'poached one of OpenAI\'s co-founders',
    verdict: 'partly',
    record: 'A founding member, who left OpenAI in Feb 2024',
    evidence: [{ supports: 'Leaves OpenAI (Feb 13, 2024)', urls: [GIZMODO_LEAVES] }],
  },
  {
    id: 'ads-target',
    claim: 'targeting $2.5 billion in ad revenue by end of year',
    verdict: 'unsourced',
    record: 'Ads in ChatGPT: a test, announced Jan 16, 2026',
    evidence: [
      {
        supports: 'Ads in ChatGPT: announced Jan 16, 2026, tested from Feb 9',
        urls: ['https://openai.com/index/our-approach-to-advertising-and-expanding-access/', 'https://cnbc.com/2026/01/16/open-ai-chatgpt-ads-us.html'],
      },
    ],
  },
]

/** What is on record about the hire itself; the pages of every quotation (data/quotes.ts) among them. */
export const hireFacts: Evidence[] = [
  { supports: 'The hire and Karpathy\'s post, May 19, 2026', urls: [AXIOS_HIRE] },
  { supports: 'Nick Joseph\'s welcome on X, quoted', urls: [NICK_JOSEPH_X] },
  {
    supports: 'Nick Joseph is Anthropic\'s Head of Pre-training',
    urls: [],
    report: 'Y Combinator podcast, Sep 30, 2025: "Anthropic Head of Pretraining on Scaling Laws, Compute, and the Future of AI"',
  },
]
