/// Bounds on what one run will read or compute, so that a hostile or mistaken
/// input meets a clear error instead of a crash, a hang or an exhausted machine.
package enum Limits {
    /// Largest scenario file (bytes). A 10,000-candidate KOL roster takes about 1.5 MB.
    package static let fileBytes = 8 << 20
    /// Longest line (bytes).
    static let lineBytes = 4096
    /// Deepest nesting of mappings and lists. Real scenarios use 4.
    static let depth = 32
    /// Most items in one list or keys in one mapping.
    static let items = 100_000
    /// Most errors reported for one file before the rest are summarised.
    package static let diagnostics = 50
    /// Most Monte Carlo trials: each recorded output keeps 8 bytes a trial, so 2,000,000 trials
    /// of a full plan (18 outputs) stay under 300 MB; the Monte Carlo error of a percentile is
    /// already near 0.1% at 1,000,000.
    static let trials = 2_000_000
    /// The simulation's work ceiling: trials × (uncertain inputs + the registers a trial
    /// evaluates). About 2 seconds of both cores in a release build; a plan that asks for more runs fewer trials
    /// (said in the report) so that an accepted plan finishes in seconds, not minutes.
    static let simulationWork = 500_000_000
    /// The simulation's memory ceiling for the stored outputs: trials × recorded outputs × 8 bytes.
    static let simulationBytes = 512 << 20
    /// Draws one worker holds at once (8 bytes each): inputs × trials per block of a chunk.
    static let drawBufferValues = 4 << 20
    /// Deepest chain of `include:` files.
    static let includeDepth = 8
    /// Largest magnitude a number may have (any kind). Keeps every product of
    /// inputs far from overflow: (10^15)^2 is 10^30, well inside a Double.
    static let magnitude = 1e15
    /// Longest duration, in days (about 30 years).
    static let durationDays = 11_000
    /// Years a date may name.
    static let years = 1900...2200
    /// Periods in one analog's sales (`demand.analogs`): 19 years of weeks, 83 of months; each
    /// costs the fit a little (a hostile 15,000-week file took 5 s).
    static let analogPeriods = 1_000
    /// Variants `--compare` plans side by side: a report of more columns is not read, and each
    /// variant is a plan of its own (they share the run's work budget).
    package static let comparedVariants = 50
    /// Analogs in one scenario.
    static let analogs = 20
    /// Weeks of the horizon × repeat dates within it (`product.repurchase`): each week's demand
    /// sums a term per earlier purchase date, in every trial (a weekly refill over 5 years is
    /// 261 × 261 = 68,121).
    static let repeatTerms = 100_000
}
