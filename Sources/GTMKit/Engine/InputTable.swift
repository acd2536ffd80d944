/// The numbers one evaluation of the plan reads, in one flat register file: a slot for every
/// numeric input a section's computation uses, uncertain or not. Bound once per plan, when the
/// sections build their models; the base case fills the slots with the medians, a Monte Carlo
/// trial overwrites the uncertain ones with draws. The computation never knows which it runs.
struct InputTable {
    /// The base case: each input's value, or its distribution's median.
    private(set) var base: [Double] = []
    /// The inputs that are drawn, in binding order (the order of the random streams).
    private(set) var uncertain: [UncertainInput] = []

    /// A slot for `quantity`, registered as uncertain when it has a distribution.
    /// `path` names it as `--set` would: `channels[Tmall].reach`.
    mutating func bind(_ quantity: Quantity, _ path: String) -> Int {
        let slot = base.count
        base.append(quantity.value)
        if let distribution = quantity.distribution {
            uncertain.append(UncertainInput(path: path, distribution: distribution,
                                            sampler: Sampler(distribution, bounds: quantity.bounds),
                                            slot: slot, bounds: quantity.bounds))
        }
        return slot
    }

    /// A slot for a list item's input, named by the item's name where that is a valid selector.
    mutating func bind(_ quantity: Quantity, list: String, index: Int, name: String, key: String) -> Int {
        let usable = !name.isEmpty && !name.contains(where: { "[].".contains($0) })
        return bind(quantity, "\(list)[\(usable ? name : String(index))].\(key)")
    }

    /// A slot holding a constant the computation reads like an input (a default rate).
    mutating func constant(_ value: Double) -> Int {
        base.append(value)
        return base.count - 1
    }

    var count: Int { base.count }
}

/// An uncertain input: its path, its sampler, and the slot a draw goes to.
struct UncertainInput: Sendable {
    var path: String
    var distribution: Distribution
    var sampler: Sampler
    var slot: Int
    var bounds: ClosedRange<Double>

    /// Its 10th and 90th percentiles, kept within the key's bounds (the tornado's swings).
    var p10: Double { min(max(distribution.quantile(0.1), bounds.lowerBound), bounds.upperBound) }
    var p90: Double { min(max(distribution.quantile(0.9), bounds.lowerBound), bounds.upperBound) }
    /// The mean the draws have, for decisions that weigh expected money (the critical ratio).
    var mean: Double { min(max(distribution.mean, bounds.lowerBound), bounds.upperBound) }
}

/// Scratch memory for one evaluation: the registers, every output by id, and the per-item
/// numbers the report lists (KOL lines, channels, reward tiers). Allocated once per worker (and
/// once for the base case), reused by every trial: the hot loop allocates nothing.
final class Workspace: @unchecked Sendable {
    let registers: UnsafeMutablePointer<Double>
    let registerCount: Int
    let out: UnsafeMutablePointer<Double>
    /// Per KOL line: cost, reach, engagements, clicks, buyers.
    let lines: UnsafeMutablePointer<Double>
    let lineCount: Int
    /// Per channel: buyers (reach × conversion).
    let channels: UnsafeMutablePointer<Double>
    let channelCount: Int
    /// Per reward tier: pledges; and the tiers' order, cheapest first.
    let tierPledges: UnsafeMutableBufferPointer<Double>
    let tierOrder: UnsafeMutableBufferPointer<Int>
    /// Per week of the cash flow: receipts, payments, and the cumulative net cash.
    let cashIn: UnsafeMutablePointer<Double>
    let cashOut: UnsafeMutablePointer<Double>
    let cashBalance: UnsafeMutablePointer<Double>
    let cashWeeks: Int
    /// Per ad flight: buyers.
    let adBuyers: UnsafeMutablePointer<Double>
    /// Per week end of the demand curve: the curve's cumulative share with the events' lifts
    /// (kept while p, q and the launch boost are the ones in `demandShareKey`), the responses'
    /// arrived buyers and those complete (scratch), and the cumulative demand; index 0 is launch.
    let demandBaseline: UnsafeMutablePointer<Double>
    /// Per sales event: the curve's share at its first and at its last day (scratch).
    let demandEventShares: UnsafeMutablePointer<Double>
    var demandShareKey = (Double.nan, Double.nan, Double.nan)
    let demandResponses: UnsafeMutablePointer<Double>
    let demandDone: UnsafeMutablePointer<Double>
    let demandCumulative: UnsafeMutablePointer<Double>
    let demandWeeks: Int
    /// True for the base case's workspace only: the cash flow also lists its payments item by item.
    var keepsLedger = false
    var ledger: [CashFlow.Entry] = []
    static let lineMetrics = 5

    /// `count` doubles filled with `value`, on whole cache lines of their own: each worker writes
    /// its workspace every trial, and two workspaces sharing a line would slow both.
    static func buffer(_ count: Int, _ value: Double) -> UnsafeMutablePointer<Double> {
        let line = 64
        let bytes = (count * MemoryLayout<Double>.stride + line - 1) / line * line
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: line)
        let pointer = raw.bindMemory(to: Double.self, capacity: bytes / MemoryLayout<Double>.stride)
        pointer.initialize(repeating: value, count: bytes / MemoryLayout<Double>.stride)
        return pointer
    }

    init(_ model: PlanModel) {
        registerCount = max(model.inputs.count, 1)
        registers = Self.buffer(registerCount, 0)
        for (slot, value) in model.inputs.base.enumerated() { registers[slot] = value }
        out = Self.buffer(Output.slots, .nan)
        lineCount = max(model.kol?.lineCount ?? 0, 1)
        lines = Self.buffer(lineCount * Self.lineMetrics, 0)
        channelCount = max(model.market?.channels.count ?? 0, 1)
        channels = Self.buffer(channelCount, 0)
        cashWeeks = max(model.cash?.weeks ?? 0, 1)
        cashIn = Self.buffer(cashWeeks, 0)
        cashOut = Self.buffer(cashWeeks, 0)
        cashBalance = Self.buffer(cashWeeks, 0)
        adBuyers = Self.buffer(max(model.ads?.flights.count ?? 0, 1), 0)
        demandWeeks = model.demand.weekEnds.count
        demandBaseline = Self.buffer(demandWeeks + 1, 0)
        demandEventShares = Self.buffer(max(2 * model.demand.events.count, 1), 0)
        demandResponses = Self.buffer(demandWeeks + 1, 0)
        demandDone = Self.buffer(demandWeeks + 1, 0)
        demandCumulative = Self.buffer(demandWeeks + 1, 0)
        let tiers = model.crowdfunding?.tierCount ?? 0
        tierPledges = .allocate(capacity: tiers)
        tierPledges.initialize(repeating: 0)
        tierOrder = .allocate(capacity: tiers)
        for index in 0..<tiers { tierOrder[index] = index }
    }

    deinit {
        for buffer in [registers, out, lines, channels, cashIn, cashOut, cashBalance, adBuyers, demandBaseline, demandEventShares, demandResponses,
                       demandDone, demandCumulative] { UnsafeMutableRawPointer(buffer).deallocate() }
        tierPledges.deallocate()
        tierOrder.deallocate()
    }

    @inline(__always)
    subscript(output: Output) -> Double {
        get { out[output.id] }
        set { out[output.id] = newValue }
    }

    /// The register values as a pointer the sections read.
    var v: UnsafeMutablePointer<Double> { registers }
}
