import Dispatch

/// An output the simulation records for every trial.
enum OutputKey: String, Sendable, CaseIterable {
    case tam = "market.tam_units"
    case sam = "market.sam_units"
    case som = "market.som_units"
    case bottomUp = "market.bottom_up_units"
    case horizonUnits = "demand.horizon_units"
    case firstWeekUnits = "demand.first_week_units"
    case windowMean = "inventory.window_demand_mean"
    case firstBatchUnits = "inventory.first_batch_units"
    case backers = "crowdfunding.backers"
    case pledged = "crowdfunding.pledged"
    case net = "crowdfunding.net"
    case pledgedUnits = "crowdfunding.units"
    case kolCost = "kol.cost"
    case kolReach = "kol.reach"
    case kolEngagements = "kol.engagements"
    case kolBuyers = "kol.buyers"
    case unitMargin = "economics.unit_margin"
    /// Hidden: one draw of the window's demand, for the first batch under uncertainty.
    case windowDemand = "inventory.window_demand"

    @inline(__always)
    func value(_ out: TrialOutputs) -> Double {
        switch self {
        case .tam: return out.tam
        case .sam: return out.sam
        case .som: return out.som
        case .bottomUp: return out.bottomUp
        case .horizonUnits: return out.horizonUnits
        case .firstWeekUnits: return out.firstWeekUnits
        case .windowMean: return out.windowMean
        case .firstBatchUnits: return out.firstBatchUnits
        case .backers: return out.backers
        case .pledged: return out.pledged
        case .net: return out.net
        case .pledgedUnits: return out.pledgedUnits
        case .kolCost: return out.kolCost
        case .kolReach: return out.kolReach
        case .kolEngagements: return out.kolEngagements
        case .kolBuyers: return out.kolBuyers
        case .unitMargin: return out.unitMargin
        case .windowDemand: return out.windowDemand
        }
    }

    /// The outputs a model records: those of the sections it has.
    static func recorded(by model: TrialModel) -> [OutputKey] {
        var keys: [OutputKey] = []
        if model.hasMarket { keys += [.tam, .sam, .som] }
        if model.hasChannels { keys.append(.bottomUp) }
        if model.hasDemand { keys += [.horizonUnits, .firstWeekUnits] }
        if model.hasInventory { keys += [.windowMean, .firstBatchUnits] }
        if model.hasCrowdfunding { keys += [.backers, .pledged, .net, .pledgedUnits] }
        if model.hasKOL { keys += [.kolCost, .kolReach, .kolEngagements, .kolBuyers] }
        if model.inputs.contains(where: { $0.target == .price || $0.target == .unitCost }) { keys.append(.unitMargin) }
        if model.hasInventory { keys.append(.windowDemand) }
        return keys
    }
}

/// Every trial's outputs, one column per output, in one allocation.
final class TrialTable: @unchecked Sendable {
    let keys: [OutputKey]
    let trials: Int
    let storage: UnsafeMutableBufferPointer<Double>

    init(keys: [OutputKey], trials: Int) {
        self.keys = keys
        self.trials = trials
        storage = .allocate(capacity: max(1, keys.count * trials))
        storage.initialize(repeating: 0)
    }

    deinit { storage.deallocate() }

    /// The column of `key`, if recorded.
    func column(_ key: OutputKey) -> UnsafeMutableBufferPointer<Double>? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return UnsafeMutableBufferPointer(rebasing: storage[(index * trials)..<((index + 1) * trials)])
    }
}

/// Runs the trials. Trials come in chunks of `chunkSize`, each with its own generator
/// stream seeded from (seed, chunk), and write to their own rows: the numbers depend on the
/// seed and the trial count, never on how many threads ran them or in what order.
enum MonteCarlo {
    static let chunkSize = 2048

    static func run(_ model: TrialModel, trials: Int, seed: UInt64, threads: Int,
                    progress: (@Sendable (Double) -> Void)? = nil) -> TrialTable {
        let keys = OutputKey.recorded(by: model)
        let table = TrialTable(keys: keys, trials: trials)
        let chunks = (trials + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads, chunks))
        let normal = Ziggurat.shared
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var x = model.base
            var order = Array(0..<model.base.tierPrices.count)
            var pledges = [Double](repeating: 0, count: model.base.tierPrices.count)
            var done = 0
            for chunk in stride(from: worker, to: chunks, by: workers) {
                var rng = Xoshiro256(seed: seed, stream: UInt64(chunk))
                let start = chunk * chunkSize
                let end = min(start + chunkSize, trials)
                for trial in start..<end {
                    for input in model.inputs {
                        UncertainInput.set(input.sampler.draw(&rng, normal), input.target, in: &x)
                    }
                    let noise = model.hasInventory ? normal.next(&rng) : 0
                    let out = model.evaluate(x, noise: noise, order: &order, pledges: &pledges)
                    for (column, key) in keys.enumerated() {
                        table.storage[column * trials + trial] = key.value(out)
                    }
                }
                done += 1
                if worker == 0, let progress { progress(min(1, Double(done * workers) / Double(chunks))) }
            }
        }
        return table
    }
}
