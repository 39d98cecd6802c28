// swift-tools-version: 6.1
// Benchmarks live in their own package so `make test` and CI never build them; run `make bench`.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the repository was cloned.
let envref = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "envref-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/google/swift-benchmark", from: "0.1.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
    ],
    targets: [
        .executableTarget(
            name: "envref-benchmarks",
            dependencies: [
                .product(name: "EnvrefRegistry", package: envref),
                .product(name: "EnvrefDocs", package: envref),
                .product(name: "EnvrefMarkdown", package: envref),
                .product(name: "Benchmark", package: "swift-benchmark"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The libraries' least work for a workload beside the targets' references; run by floors.py.
        .executableTarget(
            name: "envref-floors",
            dependencies: [
                .product(name: "EnvrefMarkdown", package: envref),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Resolving typed settings beside raw getenv and plain swift-configuration lookups; run by runtime.py.
        .executableTarget(
            name: "envref-runtime-benchmarks",
            dependencies: [
                .product(name: "WandbSettings", package: envref),
                .product(name: "EnvrefRuntime", package: envref),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Benchmark", package: "swift-benchmark"),
            ]
        ),
    ]
)
