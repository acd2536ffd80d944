#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few C math functions the models need, kept behind one name so that the
/// platform import lives in this file alone.
enum Math {
    /// e^x by gtm's own `Exp` (the same bits on every machine), the C library's outside the
    /// range where the result is a normal double.
    @inline(__always)
    static func exp(_ x: Double) -> Double { x > -708 && x < 709 ? Exp.core(x) : Glibc_exp(x) }
    /// The C library's e^x, for the tests that check `Exp` against it.
    static func libraryExp(_ x: Double) -> Double { Glibc_exp(x) }
    static func log(_ x: Double) -> Double { Glibc_log(x) }
    static func log1p(_ x: Double) -> Double { Glibc_log1p(x) }
    static func expm1(_ x: Double) -> Double { Glibc_expm1(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { Glibc_pow(x, y) }
    static func lgamma(_ x: Double) -> Double { Glibc_lgamma(x) }
    static func cos(_ x: Double) -> Double { Glibc_cos(x) }
    static func sin(_ x: Double) -> Double { Glibc_sin(x) }
    static let pi = Double.pi
}

// Unqualified names would resolve to the `Math` members above; these forward to the C library.
@inline(__always) private func Glibc_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func Glibc_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func Glibc_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func Glibc_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func Glibc_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func Glibc_lgamma(_ x: Double) -> Double { lgamma(x) }
@inline(__always) private func Glibc_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func Glibc_sin(_ x: Double) -> Double { sin(x) }

/// How many processors the machine has online: the default number of simulation threads.
enum Processors {
    static var online: Int {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }
}

/// Large buffers for trial tables, in 2 MiB pages where the system offers them and the buffer
/// will be filled: a million trials' columns fault in a dozen pages instead of thousands. A
/// buffer of which a run may fill a prefix only (the decisions' table, sized for the most trials
/// the run may reach) keeps small pages: a huge page is zeroed whole when its first byte is written.
enum LargeBuffer {
    static let pageSize = 2 << 20

    /// Uninitialised memory for `count` doubles; free it with `free`.
    static func allocate(_ count: Int, hugePages: Bool = true) -> UnsafeMutablePointer<Double> {
        let bytes = max(count, 1) * MemoryLayout<Double>.stride
        #if os(Linux)
        if bytes >= pageSize {
            var raw: UnsafeMutableRawPointer?
            let rounded = (bytes + pageSize - 1) / pageSize * pageSize
            if posix_memalign(&raw, pageSize, rounded) == 0, let raw {
                if hugePages { _ = madvise(raw, rounded, 14) }  // MADV_HUGEPAGE
                return raw.bindMemory(to: Double.self, capacity: count)
            }
        }
        #endif
        return UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
    }

    static func free(_ pointer: UnsafeMutablePointer<Double>, count: Int) {
        #if os(Linux)
        if max(count, 1) * MemoryLayout<Double>.stride >= pageSize {
            Glibc_free(UnsafeMutableRawPointer(pointer))
            return
        }
        #endif
        pointer.deallocate()
    }
}

@inline(__always) private func Glibc_free(_ pointer: UnsafeMutableRawPointer?) { free(pointer) }

/// y[i] += a·x[i] for i in 0..<count, two elements at a time: each element's sum is the one the
/// plain loop makes (a multiplication, then an addition, in the same order), so the bits are the
/// same; packed instructions do the work of two. The ranges may not overlap.
@inline(__always)
func addScaled(_ a: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
    var i = 0
    let scale = SIMD2<Double>(repeating: a)
    while i &+ 1 < count {
        let sum = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD2<Double>.self)
            + scale * UnsafeRawPointer(x + i).loadUnaligned(as: SIMD2<Double>.self)
        UnsafeMutableRawPointer(y + i).storeBytes(of: sum, as: SIMD2<Double>.self)
        i &+= 2
    }
    if i < count { y[i] += a * x[i] }
}
