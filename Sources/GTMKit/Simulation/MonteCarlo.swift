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

/// Every trial's outputs, one column per output, in one allocation, and each chunk's sum,
/// minimum and maximum per column (added up in chunk order, so the totals do not depend on
/// the threads).
final class TrialTable: @unchecked Sendable {
    let keys: [OutputKey]
    let trials: Int
    let chunks: Int
    let storage: UnsafeMutableBufferPointer<Double>
    /// [chunk][column]: sum, minimum, maximum.
    let chunkSums: UnsafeMutableBufferPointer<Double>
    let chunkMins: UnsafeMutableBufferPointer<Double>
    let chunkMaxs: UnsafeMutableBufferPointer<Double>

    init(keys: [OutputKey], trials: Int, chunks: Int) {
        self.keys = keys
        self.trials = trials
        self.chunks = chunks
        // Every cell is written by its trial; no need to fill the memory first.
        storage = .allocate(capacity: max(1, keys.count * trials))
        chunkSums = .allocate(capacity: max(1, keys.count * chunks))
        chunkMins = .allocate(capacity: max(1, keys.count * chunks))
        chunkMaxs = .allocate(capacity: max(1, keys.count * chunks))
    }

    deinit {
        storage.deallocate()
        chunkSums.deallocate()
        chunkMins.deallocate()
        chunkMaxs.deallocate()
    }

    /// The column's sum, minimum and maximum over all trials.
    func totals(_ key: OutputKey) -> (sum: Double, low: Double, high: Double)? {
        guard let column = keys.firstIndex(of: key) else { return nil }
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for chunk in 0..<chunks {
            sum += chunkSums[chunk * keys.count + column]
            low = min(low, chunkMins[chunk * keys.count + column])
            high = max(high, chunkMaxs[chunk * keys.count + column])
        }
        return (sum, low, high)
    }

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
        let chunks = (trials + chunkSize - 1) / chunkSize
        let table = TrialTable(keys: keys, trials: trials, chunks: chunks)
        let columns = keys.count
        let workers = max(1, min(threads, chunks))
        let normal = Ziggurat.shared
        let samplers = model.inputs.map(\.sampler)
        let targets = model.inputs.map(\.target)
        let inputCount = samplers.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var x = model.base
            var order = Array(0..<model.base.tierPrices.count)
            var pledges = [Double](repeating: 0, count: model.base.tierPrices.count)
            // Draws for one chunk, input by input, then the noise: allocated once per worker.
            let draws = UnsafeMutablePointer<Double>.allocate(capacity: (inputCount + 1) * chunkSize)
            defer { draws.deallocate() }
            let noise = draws + inputCount * chunkSize
            var done = 0
            for chunk in stride(from: worker, to: chunks, by: workers) {
                var rng = Xoshiro256(seed: seed, stream: UInt64(chunk))
                let start = chunk * chunkSize
                let count = min(start + chunkSize, trials) - start
                for i in 0..<inputCount {
                    samplers[i].fill(draws + i * chunkSize, count: count, &rng, normal)
                }
                if model.hasInventory {
                    for j in 0..<count { noise[j] = normal.next(&rng) }
                }
                let sums = table.chunkSums.baseAddress! + chunk * columns
                let mins = table.chunkMins.baseAddress! + chunk * columns
                let maxs = table.chunkMaxs.baseAddress! + chunk * columns
                for column in 0..<columns {
                    sums[column] = 0
                    mins[column] = .infinity
                    maxs[column] = -.infinity
                }
                for j in 0..<count {
                    for i in 0..<inputCount {
                        UncertainInput.set(draws[i * chunkSize + j], targets[i], in: &x)
                    }
                    let out = model.evaluate(&x, noise: model.hasInventory ? noise[j] : 0, order: &order, pledges: &pledges)
                    let trial = start + j
                    for column in 0..<columns {
                        let value = keys[column].value(out)
                        table.storage[column * trials + trial] = value
                        sums[column] += value
                        mins[column] = value < mins[column] ? value : mins[column]
                        maxs[column] = value > maxs[column] ? value : maxs[column]
                    }
                }
                done += 1
                if worker == 0, let progress { progress(min(1, Double(done * workers) / Double(chunks))) }
            }
        }
        return table
    }
}
