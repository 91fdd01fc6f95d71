// The formulas the corpus tools' columns use, as the legend writes them (mathematical
// notation, the same in both UI languages; what each column means is in the messages). They
// restate the core's counting rules (ARCHITECTURE.md, "Corpus tools"): N counts every token
// the analyzer emits; L and R are the collocation window; a and b a word's counts in the
// target (N₁ tokens) and the reference (N₂ tokens).
export const FORMULAS = {
  any: {
    per_million: 'freq / N × 1,000,000',
    per_million_month: 'hits / tokens × 1,000,000',
  },
  collocates: {
    f_xy: 'O₁₁',
    logdice: '14 + log₂(2·O₁₁ / (f_x + f_y))',
    mi: 'log₂(O₁₁ / E₁₁),  E₁₁ = f_x · f_y · (L + R) / N',
    t: '(O₁₁ − E₁₁) / √O₁₁',
    g2: '2 Σ O ln(O / E) over O₁₁, R₁ − O₁₁, f_y − O₁₁, N − R₁ − f_y + O₁₁;  R₁ = f_x · (L + R)',
  },
  keyness: {
    g2: '2 Σ O ln(O / E) over a, b, N₁ − a, N₂ − b',
    log_ratio: 'log₂((a / N₁) / (b / N₂)),  0 → 0.5',
    pct_diff: '100 · (a / N₁ − b / N₂) / (b / N₂),  0 → 0.5',
  },
  dispersion: {
    per_million: 'hits / tokens × 1,000,000',
  },
};
