// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gtm",
    products: [
        .executable(name: "gtm", targets: ["gtm"]),
    ],
    targets: [
        // The scenario language, the models, the simulation and the renderers. No I/O.
        // Optimised in debug builds too (-O, with SwiftPM's -enable-testing kept for @testable):
        // the tests plan the examples, and their optimiser, hundreds of times; unoptimised they
        // take 8 minutes instead of 1. Overflow checks and preconditions stay on under -O.
        .target(name: "GTMKit", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Arguments → command → result. Reads and writes files; never calls exit().
        .target(name: "GTMCLI", dependencies: ["GTMKit"]),
        // The thin executable: hands the arguments to GTMCLI, prints, exits. Release builds on Linux
        // are one static executable: no dynamic loading at start-up (about 1.5 ms a run, see
        // Sources/Benchmarks/README.md), it runs on machines without a Swift toolchain, and it has
        // no dynamic section, so no RUNPATH ($ORIGIN) that would look for libc beside the binary
        // (SwiftPM adds that RUNPATH to every dynamically linked executable). The linker's note
        // that the Swift runtime references dlopen is expected: gtm never loads a library.
        // Apple platforms reject static executables and get the default linking.
        .executableTarget(name: "gtm", dependencies: ["GTMCLI"],
                          linkerSettings: [.unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))]),
        // Benchmarks: `swift run -c release gtm-bench`.
        .executableTarget(name: "gtm-bench", dependencies: ["GTMKit"], path: "Sources/Benchmarks",
                         exclude: ["numpy_market.py", "squigglepy_market.py", "pinned.py", "market-1m.txt", "README.md"]),
        .testTarget(name: "GTMKitTests", dependencies: ["GTMKit", "GTMCLI", "gtm"], exclude: ["Corpus", "Golden", "Launches"]),
    ]
)
