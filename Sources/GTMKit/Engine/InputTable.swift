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
/// numbers the report lists (the levers' lines, channels, reward tiers). Allocated once per
/// worker (and once for the base case), reused by every trial: the hot loop allocates nothing.
/// Every buffer is made by one `Arena`, which keeps it for `deinit`: none can be forgotten.
final class Workspace: @unchecked Sendable {
    /// The buffers this workspace owns, freed together.
    private let owned: [UnsafeMutableRawPointer]
    let registers: UnsafeMutablePointer<Double>
    let registerCount: Int
    let out: UnsafeMutablePointer<Double>
    /// The levers' numbers per evaluation (`Lever.scratchCount` each, at `PlanModel.levers`' offsets).
    let scratch: UnsafeMutablePointer<Double>
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
    /// Per week end of the demand curve: the curve's cumulative share with the events' lifts
    /// (kept while p, q and the launch boost are the ones in `demandWeekKey`), the responses'
    /// arrived buyers and those complete (scratch), and the cumulative demand; index 0 is launch.
    let demandBaseline: UnsafeMutablePointer<Double>
    /// Per sales event: the curve's share at its first and at its last day (scratch).
    let demandEventShares: UnsafeMutablePointer<Double>
    var demandShareKey = (Double.nan, Double.nan, Double.nan)
    /// The p, q and launch boost `demandBaseline` and `repeatLagBaseline` were worked out for.
    var demandWeekKey = (Double.nan, Double.nan, Double.nan)
    /// F(H), the curve's share at the horizon, for `demandShareKey`.
    var demandWhole = 0.0
    /// `DemandModel.baseline` at each of `DemandModel.repeatLagDays`, for `demandWeekKey`.
    let repeatLagBaseline: UnsafeMutablePointer<Double>
    /// Raw demand, then first purchases, at each of `DemandModel.repeatLagDays` (scratch, `DemandModel.weekly`).
    let repeatLagRaw: UnsafeMutablePointer<Double>
    /// Each response's arrived share on a day (`DemandModel.arrived`), kept by day: a plan asks
    /// for the same few days every evaluation (the horizon's end, launch week's, the window's…).
    /// `arrivalDays.count` slots, each a day (NaN: empty) and the responses' shares on it.
    let arrivalDays: UnsafeMutableBufferPointer<Double>
    let arrivalShares: UnsafeMutablePointer<Double>
    /// The curve's share with the events' lifts on a day (`DemandModel.sharedBaseline`), kept the
    /// same way while p, q and the launch boost are those of `shareVersion` (counted up each time
    /// `demandShareKey` changes): a slot's day, its version and its share.
    let baselineDays: UnsafeMutablePointer<Double>
    let baselineVersions: UnsafeMutablePointer<Int>
    let baselineShares: UnsafeMutablePointer<Double>
    var shareVersion = 0
    /// The season's months alone at the horizon (`DemandModel.seasonBaseline`), for `seasonVersion`.
    var seasonShare = 0.0
    var seasonVersion = -1
    let demandResponses: UnsafeMutablePointer<Double>
    let demandDone: UnsafeMutablePointer<Double>
    let demandCumulative: UnsafeMutablePointer<Double>
    /// Per week end: the subscribers' repeats, cumulative (their deliveries at the subscription price).
    let subscribedCumulative: UnsafeMutablePointer<Double>
    let demandWeeks: Int
    /// Per promotion: raw demand at its first and last day and its lift (scratch, `DemandModel.weekly`);
    /// then in the cash flow its cumulative demand at both days, units sold at its price and their discount.
    let promotionScratch: UnsafeMutablePointer<Double>
    let promotionSales: UnsafeMutablePointer<Double>
    /// True for the base case's workspace only: the cash flow also lists its payments item by item.
    var keepsLedger = false
    var ledger: [CashFlow.Entry] = []

    /// Makes a workspace's buffers and remembers each, for `deinit`.
    private struct Arena {
        var pointers: [UnsafeMutableRawPointer] = []

        /// `count` values of `T` filled with `value`, on whole cache lines of their own: each worker
        /// writes its workspace every trial, and two workspaces sharing a line would slow both.
        mutating func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let line = 64
            let bytes = (max(count, 1) * MemoryLayout<T>.stride + line - 1) / line * line
            let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: line)
            pointers.append(raw)
            let pointer = raw.bindMemory(to: T.self, capacity: bytes / MemoryLayout<T>.stride)
            pointer.initialize(repeating: value, count: bytes / MemoryLayout<T>.stride)
            return pointer
        }
    }

    /// log₂ of the days `arrivalDays` and `baselineDays` keep: 64, or with repeat purchase room for
    /// four times the days one look-back sum reads (a daily refill reads every day of the horizon at
    /// each of the horizon's end, the window's…), to 4,096 days and 2 MiB of arrival shares.
    let slotBits: Int

    /// A day's slot in `arrivalDays` and `baselineDays`.
    @inline(__always)
    func slot(_ day: Double) -> Int {
        Int(truncatingIfNeeded: (day.bitPattern &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }

    init(_ model: PlanModel) {
        var arena = Arena()
        registerCount = max(model.inputs.count, 1)
        registers = arena.buffer(registerCount, 0.0)
        for (slot, value) in model.inputs.base.enumerated() { registers[slot] = value }
        out = arena.buffer(Output.slots, Double.nan)
        scratch = arena.buffer(model.scratchCount, 0.0)
        channelCount = max(model.market?.channels.count ?? 0, 1)
        channels = arena.buffer(channelCount, 0.0)
        cashWeeks = max(model.cash?.weeks ?? 0, 1)
        cashIn = arena.buffer(cashWeeks, 0.0)
        cashOut = arena.buffer(cashWeeks, 0.0)
        cashBalance = arena.buffer(cashWeeks, 0.0)
        demandWeeks = model.demand.weekEnds.count
        demandBaseline = arena.buffer(demandWeeks + 1, 0.0)
        demandEventShares = arena.buffer(2 * model.demand.lifts.count, 0.0)
        repeatLagBaseline = arena.buffer(model.demand.repeatLagDays.count, 0.0)
        repeatLagRaw = arena.buffer(model.demand.repeatLagDays.count, 0.0)
        let lookBack = model.demand.repurchase.map { $0.days > 0 ? model.demand.horizonDays / $0.days : 0 } ?? 0
        // At most 4,096 days, and 256k responses' shares (2 MiB) when the responses are many.
        var bits = 6
        while bits < 12, Double(1 << bits) < 4 * lookBack, (2 << bits) * max(model.demand.responses.count, 1) <= 1 << 18 { bits += 1 }
        slotBits = bits
        let slots = 1 << bits
        arrivalDays = UnsafeMutableBufferPointer(start: arena.buffer(slots, Double.nan), count: slots)
        arrivalShares = arena.buffer(slots * model.demand.responses.count, 0.0)
        baselineDays = arena.buffer(slots, Double.nan)
        baselineVersions = arena.buffer(slots, -1)
        baselineShares = arena.buffer(slots, 0.0)
        demandResponses = arena.buffer(demandWeeks + 1, 0.0)
        demandDone = arena.buffer(demandWeeks + 1, 0.0)
        demandCumulative = arena.buffer(demandWeeks + 1, 0.0)
        subscribedCumulative = arena.buffer(demandWeeks + 1, 0.0)
        promotionScratch = arena.buffer(3 * model.demand.promotions.count, 0.0)
        promotionSales = arena.buffer(4 * model.demand.promotions.count, 0.0)
        let tiers = model.crowdfunding?.tierCount ?? 0
        tierPledges = UnsafeMutableBufferPointer(start: arena.buffer(tiers, 0.0), count: tiers)
        let order = arena.buffer(tiers, 0)
        for index in 0..<tiers { order[index] = index }
        tierOrder = UnsafeMutableBufferPointer(start: order, count: tiers)
        owned = arena.pointers
    }

    deinit {
        for raw in owned { raw.deallocate() }
    }

    @inline(__always)
    subscript(output: Output) -> Double {
        get { out[output.id] }
        set { out[output.id] = newValue }
    }

    /// The register values as a pointer the sections read.
    var v: UnsafeMutablePointer<Double> { registers }
}
