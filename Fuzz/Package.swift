// swift-tools-version: 6.1
// Fuzz targets live in their own package so `make test` and ordinary builds never compile them with
// the fuzzer instrumentation; run `make fuzz`.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the repository was cloned.
let envref = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "envref-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(
            name: "fuzz-registry-loader",
            dependencies: [.product(name: "EnvrefRegistry", package: envref)]
        ),
        .executableTarget(
            name: "fuzz-registry-reload",
            dependencies: [.product(name: "EnvrefRegistry", package: envref)]
        ),
        .executableTarget(
            name: "fuzz-cache-archives",
            dependencies: [
                .product(name: "EnvrefRegistry", package: envref),
                .product(name: "EnvrefTranslations", package: envref), .product(name: "EnvrefDocs", package: envref),
            ]
        ),
        .executableTarget(
            name: "fuzz-markdown-import",
            dependencies: [.product(name: "EnvrefTranslations", package: envref)]
        ),
        .executableTarget(
            name: "fuzz-po-reader",
            dependencies: [.product(name: "EnvrefTranslations", package: envref)]
        ),
        .executableTarget(
            name: "fuzz-settings-file",
            dependencies: [.product(name: "EnvrefRuntime", package: envref)]
        ),
    ]
)
