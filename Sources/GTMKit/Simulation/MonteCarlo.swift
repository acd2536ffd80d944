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

    /// Where a trial writes this output (constant-folded where the case is written out).
    @inline(__always)
    var slot: Int {
        switch self {
        case .tam: return 0
        case .sam: return 1
        case .som: return 2
        case .bottomUp: return 3
        case .horizonUnits: return 4
        case .firstWeekUnits: return 5
        case .windowMean: return 6
        case .firstBatchUnits: return 7
        case .backers: return 8
        case .pledged: return 9
        case .net: return 10
        case .pledgedUnits: return 11
        case .kolCost: return 12
        case .kolReach: return 13
        case .kolEngagements: return 14
        case .kolBuyers: return 15
        case .unitMargin: return 16
        case .windowDemand: return 17
        }
    }

    /// The outputs a model records: those of the sections it has.
    static func recorded(by model: TrialModel) -> [OutputKey] {
        var keys: [OutputKey] = []
        // TAM and SAM are context, not decisions: their spread is the inputs' (shown), and
        // recording them would cost two columns of memory and passes per run.
        if model.hasMarket { keys.append(.som) }
        if model.hasChannels { keys.append(.bottomUp) }
        if model.hasDemand { keys += [.horizonUnits, .firstWeekUnits] }
        if model.hasInventory { keys += [.windowMean, .firstBatchUnits] }
        if model.hasCrowdfunding { keys += [.backers, .pledged, .net, .pledgedUnits] }
        if model.hasKOL { keys += [.kolCost, .kolReach, .kolEngagements, .kolBuyers] }
        if model.inputs.contains(where: { $0.slot == TrialLayout.price || $0.slot == TrialLayout.unitCost }) { keys.append(.unitMargin) }
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
        storage = UnsafeMutableBufferPointer(start: LargeBuffer.allocate(keys.count * trials), count: max(1, keys.count * trials))
        chunkSums = .allocate(capacity: max(1, keys.count * chunks))
        chunkMins = .allocate(capacity: max(1, keys.count * chunks))
        chunkMaxs = .allocate(capacity: max(1, keys.count * chunks))
    }

    deinit {
        LargeBuffer.free(storage.baseAddress!, count: storage.count)
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

    /// A block's draws for one input: a whole chunk, or all the trials when there are fewer, or
    /// fewer still when there are so many inputs that a chunk's draws would not fit the buffer.
    static func rowLength(trials: Int, inputs: Int) -> Int {
        max(1, min(chunkSize, trials, Limits.drawBufferValues / (inputs + 1)))
    }

    static func run(_ model: TrialModel, trials: Int, seed: UInt64, threads: Int,
                    progress: (@Sendable (Double) -> Void)? = nil) -> TrialTable {
        let keys = OutputKey.recorded(by: model)
        let chunks = (trials + chunkSize - 1) / chunkSize
        let table = TrialTable(keys: keys, trials: trials, chunks: chunks)
        let columns = keys.count
        let workers = max(1, min(threads, chunks))
        let normal = Ziggurat.shared
        let samplers = model.inputs.map(\.sampler)
        let slots = model.inputs.map { $0.slot ?? -1 }
        let recorded = keys.map(\.slot)
        let inputCount = samplers.count
        let rowLength = Self.rowLength(trials: trials, inputs: inputCount)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let kernel = model.kernel
            let x = model.base.copy()
            var order = Array(0..<model.layout.tiers)
            var pledges = [Double](repeating: 0, count: model.layout.tiers)
            // Draws for one chunk, input by input, then the noise; a trial's outputs; the slots
            // the draws go to and the outputs recorded: all allocated once per worker.
            let draws = UnsafeMutablePointer<Double>.allocate(capacity: (inputCount + 1) * rowLength)
            let out = UnsafeMutablePointer<Double>.allocate(capacity: OutputKey.allCases.count)
            out.initialize(repeating: 0, count: OutputKey.allCases.count)
            let drawSlots = UnsafeMutablePointer<Int>.allocate(capacity: max(inputCount, 1))
            let outputSlots = UnsafeMutablePointer<Int>.allocate(capacity: max(columns, 1))
            // Inputs no output reads (slot −1) are drawn, to keep the streams fixed, but not stored.
            let stored = slots.enumerated().filter { $0.element >= 0 }
            for (k, pair) in stored.enumerated() { drawSlots[k] = pair.element }
            let storedDraws = stored.map(\.offset)
            for column in 0..<columns { outputSlots[column] = recorded[column] }
            defer {
                draws.deallocate()
                out.deallocate()
                drawSlots.deallocate()
                outputSlots.deallocate()
            }
            let storedCount = stored.count
            let drawOffsets = UnsafeMutablePointer<Int>.allocate(capacity: max(storedCount, 1))
            defer { drawOffsets.deallocate() }
            for k in 0..<storedCount { drawOffsets[k] = storedDraws[k] * rowLength }
            let noise = draws + inputCount * rowLength
            let values = x.values
            let storage = table.storage.baseAddress!
            let hasInventory = kernel.hasInventory
            var done = 0
            for chunk in stride(from: worker, to: chunks, by: workers) {
                var rng = Xoshiro256(seed: seed, stream: UInt64(chunk))
                let chunkStart = chunk * chunkSize
                let chunkEnd = min(chunkStart + chunkSize, trials)
                let sums = table.chunkSums.baseAddress! + chunk * columns
                let mins = table.chunkMins.baseAddress! + chunk * columns
                let maxs = table.chunkMaxs.baseAddress! + chunk * columns
                for column in 0..<columns {
                    sums[column] = 0
                    mins[column] = .infinity
                    maxs[column] = -.infinity
                }
                // The chunk's trials in blocks of `rowLength` (one block unless inputs are many).
                var start = chunkStart
                while start < chunkEnd {
                    let count = min(rowLength, chunkEnd - start)
                    for i in 0..<inputCount {
                        samplers[i].fill(draws + i * rowLength, count: count, &rng, normal)
                    }
                    if hasInventory {
                        var local = rng
                        for j in 0..<count { noise[j] = normal.next(&local) }
                        rng = local
                    }
                    for j in 0..<count {
                        for k in 0..<storedCount { values[drawSlots[k]] = draws[drawOffsets[k] + j] }
                        kernel.evaluate(values, noise: hasInventory ? noise[j] : 0, into: out, order: &order, pledges: &pledges)
                        let trial = start + j
                        for column in 0..<columns {
                            let value = out[outputSlots[column]]
                            storage[column * trials + trial] = value
                            sums[column] += value
                            mins[column] = value < mins[column] ? value : mins[column]
                            maxs[column] = value > maxs[column] ? value : maxs[column]
                        }
                    }
                    start += count
                }
                done += 1
                if worker == 0, let progress { progress(min(1, Double(done * workers) / Double(chunks))) }
            }
        }
        return table
    }
}
