/// The registers one evaluation reads: a slot for every input (`InputTable`).
typealias Registers = UnsafeMutablePointer<Double>

/// A marketing lever: the buyers it brings and when, the money it spends and when, its outputs
/// and its part of the report. KOL posts, ad flights and list sends (email, SMS, 私域) are each
/// one type conforming to this protocol and listed once in `Levers.all`; demand, the cash flow,
/// unit economics, the workspace and the renderers loop over the plan's levers, so that a new
/// lever is its own files and one line of that list.
protocol Lever: AnyObject, Sendable {
    /// The lever of a scenario, its inputs bound; nil when the scenario has none.
    static func make(_ context: inout LeverContext) -> Self?
    /// Every output of its section, in the order the report lists them.
    static var outputs: [Output] { get }
    /// Its buyers' part of demand within the horizon (`demand.kol_units`…).
    static var demandComponent: Output { get }
    /// What it spends in an evaluation, counted in marketing spend (fees and budgets, samples).
    var spend: [Output] { get }
    /// Numbers it keeps per evaluation for its lines (their buyers, costs…): its scratch.
    var scratchCount: Int { get }
    /// Where its buyers come from: each source's arrival, and where in its scratch its buyers are.
    var sources: [BuyerSource] { get }
    /// Days it pays on, and day ranges it pays evenly over: the cash flow's weeks cover them.
    var paymentDays: [Int] { get }
    var evenPayments: [Range<Int>] { get }
    /// One evaluation, the base case's or a trial's: its outputs, and its sources' buyers in `scratch`.
    func run(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>)
    /// Its payments in one evaluation, with the decisions taken.
    func pay(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions, _ book: inout CashBook)
    /// Its part of a finished plan, from the base case's evaluation with the decisions taken.
    func result(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions) -> any LeverResult
    /// `run` and `pay` on an unretained lever of this type (`UnretainedLever`; given by the extension below).
    static func run(_ object: Unmanaged<AnyObject>, _ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>)
    static func pay(_ object: Unmanaged<AnyObject>, _ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>,
                    _ d: Decisions, _ book: inout CashBook)
}

extension Lever {
    var evenPayments: [Range<Int>] { [] }
}

/// A plan's lever as the trial loop calls it: unretained (the plan's `levers` keep it alive) and
/// dispatched through its type, so that a trial's calls cost no reference counting.
struct UnretainedLever: @unchecked Sendable {
    let object: Unmanaged<AnyObject>
    let kind: any Lever.Type
    let offset: Int

    init(_ lever: any Lever, offset: Int) {
        object = Unmanaged.passUnretained(lever as AnyObject)
        kind = type(of: lever)
        self.offset = offset
    }

    @inline(__always)
    func run(_ v: Registers, _ ws: Workspace) { kind.run(object, v, ws, ws.scratch + offset) }

    @inline(__always)
    func pay(_ v: Registers, _ ws: Workspace, _ d: Decisions, _ book: inout CashBook) { kind.pay(object, v, ws, ws.scratch + offset, d, &book) }
}

extension Lever {
    static func run(_ object: Unmanaged<AnyObject>, _ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>) {
        object._withUnsafeGuaranteedRef { unsafeDowncast($0, to: Self.self).run(v, ws, scratch) }
    }

    static func pay(_ object: Unmanaged<AnyObject>, _ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>,
                    _ d: Decisions, _ book: inout CashBook) {
        object._withUnsafeGuaranteedRef { unsafeDowncast($0, to: Self.self).pay(v, ws, scratch, d, &book) }
    }
}

/// A lever's part of a finished plan: the model's own value (its lines with their numbers); the
/// renderers give it a report part (`LeverReport`).
protocol LeverResult: Sendable {}

/// How one source's buyers arrive after launch (launch-relative days; those before launch buy
/// on launch day).
struct Arrival: Sendable {
    enum Shape: Sendable {
        /// From `start`, halving every `halfLife` days, scaled so that all arrive within
        /// `DemandModel.decayHalfLives` half-lives (a post, a send).
        case decay(halfLife: Double)
        /// Evenly over `[start, end)` (an ad flight).
        case even(end: Double)
    }

    let start: Double
    let shape: Shape
}

/// One source of a lever's buyers: a KOL line, an ad flight, a send.
struct BuyerSource: Sendable {
    let arrival: Arrival
    /// Its buyers' index in the lever's scratch.
    let buyers: Int
    /// True when its buyers back the campaign, not the retail launch, once the campaign is in
    /// the plan (KOL posts timed to it, `kol.align: campaign`).
    let toCampaign: Bool
}

/// What a lever may bind and read when it is built: the scenario, the input table, and the
/// slots and figures other sections give it.
struct LeverContext {
    let scenario: Scenario
    var inputs: InputTable
    /// The retail price's slot; what a unit contributes (for a pick that maximises margin).
    let price: Int
    let contribution: Double
    /// A sample's cost: the pilot's unit cost, or the product's.
    let sampleCost: Int
}

/// Every marketing lever, in the order demand adds their buyers, the cash flow pays them and
/// the report lists them.
enum Levers {
    static let all: [any Lever.Type] = [KOLModel.self, AdsModel.self, EmailModel.self]

    /// Their parts of demand (`demand.kol_units`, `demand.ads_units`…), in the same order.
    static let components = all.map { $0.demandComponent }
}
