import Dispatch

/// Every trial's recorded outputs, one column per output, in one allocation, and each chunk's
/// sum, minimum and maximum per column (added up in chunk order, so the totals do not depend on
/// the threads). Sized for the most trials a run may reach; a run fills a prefix of it.
final class TrialTable: @unchecked Sendable {
    let keys: [Output]
    let capacity: Int
    let storage: UnsafeMutableBufferPointer<Double>
    let chunkCapacity: Int
    /// [chunk][column]: sum, minimum, maximum.
    let chunkSums: UnsafeMutableBufferPointer<Double>
    let chunkMins: UnsafeMutableBufferPointer<Double>
    let chunkMaxs: UnsafeMutableBufferPointer<Double>

    /// `filled`: whether a run will fill every trial's row (false for a table sized for the most
    /// trials a run may reach, which it may stop short of).
    init(keys: [Output], capacity: Int, filled: Bool = true) {
        self.keys = keys
        self.capacity = capacity
        chunkCapacity = MonteCarlo.chunks(capacity)
        // Every cell is written by its trial before it is read; no need to fill the memory first.
        storage = UnsafeMutableBufferPointer(start: LargeBuffer.allocate(keys.count * capacity, hugePages: filled),
                                             count: max(1, keys.count * capacity))
        chunkSums = .allocate(capacity: max(1, keys.count * chunkCapacity))
        chunkMins = .allocate(capacity: max(1, keys.count * chunkCapacity))
        chunkMaxs = .allocate(capacity: max(1, keys.count * chunkCapacity))
    }

    deinit {
        // `storage` starts at the pointer LargeBuffer allocated: never nil.
        LargeBuffer.free(storage.baseAddress!, count: storage.count)
        chunkSums.deallocate()
        chunkMins.deallocate()
        chunkMaxs.deallocate()
    }

    /// The column's sum, minimum and maximum over the first `trials` trials.
    func totals(_ key: Output, trials: Int) -> (sum: Double, low: Double, high: Double)? {
        guard let column = keys.firstIndex(of: key) else { return nil }
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for chunk in 0..<MonteCarlo.chunks(trials) {
            sum += chunkSums[chunk * keys.count + column]
            low = min(low, chunkMins[chunk * keys.count + column])
            high = max(high, chunkMaxs[chunk * keys.count + column])
        }
        return (sum, low, high)
    }

    /// The first `trials` values of `key`'s column, if recorded.
    func column(_ key: Output, trials: Int) -> UnsafeMutableBufferPointer<Double>? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        return UnsafeMutableBufferPointer(rebasing: storage[(index * capacity)..<(index * capacity + trials)])
    }
}

/// Runs trials of the plan's one computation. Trials come in chunks of `chunkSize`, each with its
/// own generator stream seeded from (seed, chunk), and write to their own rows: the numbers depend
/// on the seed and the trial count, never on how many threads ran them or in what order, and a
/// run extended by more chunks gives the numbers a longer run would have given.
enum MonteCarlo {
    static let chunkSize = 2048

    /// An input held at one value in every trial (the tornado's P10 and P90), its draws still
    /// made so that every other input sees the same random numbers.
    struct Pin: Sendable {
        var slot: Int
        var value: Double
    }

    static func chunks(_ trials: Int) -> Int { (trials + chunkSize - 1) / chunkSize }

    /// A block's draws for one input: a whole chunk, or all the trials when there are fewer, or
    /// fewer still when there are so many inputs that a chunk's draws would not fit the buffer.
    static func rowLength(trials: Int, inputs: Int) -> Int {
        max(1, min(chunkSize, trials, Limits.drawBufferValues / (inputs + 1)))
    }

    /// Chunk `chunk`'s draws, in blocks of `rowLength` trials (one block unless inputs are many):
    /// each block's draws go to `draws` (input i's from i × `rowLength`), then `body(first trial, count)`.
    @inline(__always)
    static func blocks(chunk: Int, trials: Int, rowLength: Int, seed: UInt64, samplers: [Sampler], into draws: UnsafeMutablePointer<Double>,
                       _ normal: Ziggurat, _ body: (Int, Int) -> Void) {
        var rng = Xoshiro256(seed: seed, stream: UInt64(chunk))
        let chunkEnd = min(chunk * chunkSize + chunkSize, trials)
        var start = chunk * chunkSize
        while start < chunkEnd {
            let count = min(rowLength, chunkEnd - start)
            for i in samplers.indices { samplers[i].fill(draws + i * rowLength, count: count, &rng, normal) }
            body(start, count)
            start += count
        }
    }

    /// Each uncertain input's draw in each of a `trials`-trial run's trials (input by input): the
    /// numbers `run` gives them.
    static func draws(_ model: PlanModel, trials: Int, seed: UInt64) -> [[Double]] {
        let samplers = model.inputs.uncertain.map(\.sampler)
        let rowLength = Self.rowLength(trials: trials, inputs: samplers.count)
        var result = samplers.map { _ in [Double](repeating: 0, count: trials) }
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(samplers.count, 1) * rowLength)
        defer { buffer.deallocate() }
        for chunk in 0..<chunks(trials) {
            blocks(chunk: chunk, trials: trials, rowLength: rowLength, seed: seed, samplers: samplers, into: buffer, Ziggurat.shared) { start, count in
                for i in samplers.indices {
                    for j in 0..<count { result[i][start + j] = buffer[i * rowLength + j] }
                }
            }
        }
        return result
    }

    /// Runs the trials of chunks `from..<chunks(trials)` of a `trials`-trial run, recording
    /// `table.keys` of each.
    static func run(_ model: PlanModel, _ decisions: Decisions, trials: Int, fromChunk: Int = 0, seed: UInt64,
                    into table: TrialTable, threads: Int, pins: [Pin] = [], band: BandRecorder? = nil,
                    progress: (@Sendable (Double) -> Void)? = nil) {
        // A pass runs only the steps that compute what it records.
        let steps = PlanModel.steps(for: table.keys)
        let lastChunk = chunks(trials)
        guard fromChunk < lastChunk else { return }
        let keys = table.keys
        let columns = keys.count
        let workers = max(1, min(threads, lastChunk - fromChunk))
        let normal = Ziggurat.shared
        let inputs = model.inputs.uncertain
        let samplers = inputs.map(\.sampler)
        let inputCount = samplers.count
        let rowLength = Self.rowLength(trials: trials, inputs: inputCount)
        let capacity = table.capacity
        let pinned = Set(pins.map(\.slot))
        // Draws go to their slots, except a pinned input's, which keeps its value.
        let copied = inputs.enumerated().filter { !pinned.contains($0.element.slot) }
        let drawSlots = copied.map(\.element.slot)
        let drawOffsets = copied.map { $0.offset * rowLength }
        let outputs = keys.map(\.id)
        // Trials past the band's count (and every trial without a band) skip its recorder.
        let bandCount = band?.count ?? 0
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let ws = Workspace(model)
            for pin in pins { ws.registers[pin.slot] = pin.value }
            let v = ws.registers
            let out = ws.out
            // The weekly band's staging rows (written to its columns when full and at the end).
            let stage = band.map(BandRecorder.Stage.init)
            defer { if let band, let stage { band.flush(stage) } }
            // One chunk's draws, input by input: allocated once per worker.
            let draws = UnsafeMutablePointer<Double>.allocate(capacity: max(inputCount, 1) * rowLength)
            defer { draws.deallocate() }
            // The table's buffers are allocated with at least one element: their base is never nil.
            let storage = table.storage.baseAddress!
            var done = 0
            drawSlots.withUnsafeBufferPointer { drawSlots in
            drawOffsets.withUnsafeBufferPointer { drawOffsets in
            outputs.withUnsafeBufferPointer { outputs in
                for chunk in stride(from: fromChunk + worker, to: lastChunk, by: workers) {
                    let chunkStart = chunk * chunkSize
                    let chunkEnd = min(chunkStart + chunkSize, trials)
                    let sums = table.chunkSums.baseAddress! + chunk * columns
                    let mins = table.chunkMins.baseAddress! + chunk * columns
                    let maxs = table.chunkMaxs.baseAddress! + chunk * columns
                    blocks(chunk: chunk, trials: trials, rowLength: rowLength, seed: seed, samplers: samplers, into: draws, normal) { start, count in
                        for j in 0..<count {
                            for k in 0..<drawSlots.count { v[drawSlots[k]] = draws[drawOffsets[k] + j] }
                            model.run(ws, decisions, steps: steps)
                            let trial = start + j
                            for column in 0..<columns { storage[column * capacity + trial] = out[outputs[column]] }
                            if trial < bandCount { band.unsafelyUnwrapped.record(trial, ws, stage.unsafelyUnwrapped) }
                        }
                    }
                    // The chunk's sum, minimum and maximum per column, in one tight pass each.
                    for column in 0..<columns {
                        let values = storage + column * capacity
                        var sum = 0.0, low = Double.infinity, high = -Double.infinity
                        for trial in chunkStart..<chunkEnd {
                            let value = values[trial]
                            sum += value
                            low = value < low ? value : low
                            high = value > high ? value : high
                        }
                        sums[column] = sum
                        mins[column] = low
                        maxs[column] = high
                    }
                    done += 1
                    if worker == 0, let progress { progress(min(1, Double(done * workers) / Double(lastChunk - fromChunk))) }
                }
            }
            }
            }
        }
    }
}
