// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gtm",
    products: [
        .executable(name: "gtm", targets: ["gtm"]),
        .library(name: "GTMKit", targets: ["GTMKit"]),
    ],
    targets: [
        // The scenario language, the models, the simulation and the renderers. No I/O.
        .target(name: "GTMKit"),
        // Arguments → command → result. Reads and writes files; never calls exit().
        .target(name: "GTMCLI", dependencies: ["GTMKit"]),
        // The thin executable: hands the arguments to GTMCLI, prints, exits. Release builds link
        // the Swift runtime statically: no dynamic loading at start-up (about 1.5 ms a run, see the
        // README's "Speed"), and the binary runs on machines without a Swift toolchain.
        .executableTarget(name: "gtm", dependencies: ["GTMCLI"],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        // Benchmarks: `swift run -c release gtm-bench`.
        .executableTarget(name: "gtm-bench", dependencies: ["GTMKit"], path: "Sources/Benchmarks",
                         exclude: ["numpy_market.py", "market-1m.txt"]),
        .testTarget(name: "GTMKitTests", dependencies: ["GTMKit", "GTMCLI", "gtm"], exclude: ["Corpus", "Golden"]),
    ]
)
