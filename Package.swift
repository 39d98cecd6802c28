// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "envref",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "envref", targets: ["envref"]),
        .executable(name: "wandb-settings", targets: ["wandb-settings"]),
        .library(name: "EnvrefRegistry", targets: ["EnvrefRegistry"]),
        .library(name: "EnvrefMarkdown", targets: ["EnvrefMarkdown"]),
        .library(name: "EnvrefDocs", targets: ["EnvrefDocs"]),
        .library(name: "EnvrefTranslations", targets: ["EnvrefTranslations"]),
        .library(name: "EnvrefRuntime", targets: ["EnvrefRuntime"]),
        .library(name: "WandbSettings", targets: ["WandbSettings"]),
        .plugin(name: "EnvrefAccessorsPlugin", targets: ["EnvrefAccessorsPlugin"]),
        .plugin(name: "EnvrefGenerateSwift", targets: ["EnvrefGenerateSwift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Stage-independent building blocks: diagnostics, fingerprints, the output writer.
        .target(name: "EnvrefCore", dependencies: ["CEnvrefSystem"]),

        // The one system call Swift's Glibc module does not declare: renameat2(RENAME_EXCHANGE).
        .target(name: "CEnvrefSystem"),

        // Load + validate: YAML text in, a `Registry` (or diagnostics) out.
        .target(
            name: "EnvrefRegistry",
            dependencies: ["EnvrefCore", .product(name: "Yams", package: "Yams")]
        ),

        // cmark-gfm from the system, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // One Swift binding of cmark-gfm for every stage that reads or renders Markdown.
        .target(name: "EnvrefMarkdown", dependencies: ["EnvrefCore", "CCmarkGFM"]),

        // Registry + page content (+ translation status) -> page contexts -> Markdown and HTML.
        .target(
            name: "EnvrefDocs",
            dependencies: [
                "EnvrefCore", "EnvrefRegistry", "EnvrefMarkdown", "EnvrefTranslations",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),

        // Registry -> Swift file description -> Swift source.
        .target(name: "EnvrefSwiftGen", dependencies: ["EnvrefCore", "EnvrefRegistry"]),

        // Translation state, reports, page import and gettext PO.
        .target(
            name: "EnvrefTranslations",
            dependencies: ["EnvrefCore", "EnvrefRegistry", "EnvrefMarkdown", .product(name: "Yams", package: "Yams")]
        ),

        // `envref preview`: serve Site/, rebuild on edits, reload open pages.
        .target(
            name: "EnvrefPreview",
            dependencies: ["EnvrefCore", "EnvrefDocs", .product(name: "FlyingFox", package: "FlyingFox")]
        ),

        // Source scanning for variables the registry does not know.
        .target(name: "EnvrefAudit", dependencies: ["EnvrefCore", "EnvrefRegistry"]),

        // Sets the C allocator's heap padding as the command line loads, before its first thread.
        .target(name: "CEnvrefHeap"),
        .executableTarget(
            name: "envref",
            dependencies: [
                "EnvrefCore", "EnvrefRegistry", "EnvrefDocs", "EnvrefSwiftGen",
                "EnvrefTranslations", "EnvrefAudit", "EnvrefPreview", "CEnvrefHeap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // The build plugin's tool links the loader and the generator only.
        .executableTarget(name: "envref-swiftgen", dependencies: ["EnvrefCore", "EnvrefRegistry", "EnvrefSwiftGen"]),
        .plugin(name: "EnvrefAccessorsPlugin", capability: .buildTool(), dependencies: ["envref-swiftgen"]),
        .plugin(
            name: "EnvrefGenerateSwift",
            capability: .command(
                intent: .custom(verb: "generate-swift", description: "Write typed accessors from variables.yaml into the target's sources."),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated accessors file into the target's source folder.")]
            ),
            dependencies: ["envref-swiftgen"]
        ),

        // Runtime support for generated accessors; depends on swift-configuration alone.
        .target(name: "EnvrefRuntime", dependencies: [.product(name: "Configuration", package: "swift-configuration")]),
        .target(
            name: "WandbSettings",
            dependencies: ["EnvrefRuntime", .product(name: "Configuration", package: "swift-configuration")],
            plugins: ["EnvrefAccessorsPlugin"]
        ),
        .executableTarget(
            name: "wandb-settings",
            dependencies: ["WandbSettings", "EnvrefRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Shared by the test targets: a seeded generator and the python3 that `make test` installs into.
        .target(name: "EnvrefTestSupport", path: "Tests/EnvrefTestSupport"),
        .testTarget(name: "EnvrefCoreTests", dependencies: ["EnvrefCore"]),
        .testTarget(name: "EnvrefMarkdownTests", dependencies: ["EnvrefMarkdown", "EnvrefTestSupport"]),
        .testTarget(
            name: "EnvrefRegistryTests",
            dependencies: ["EnvrefRegistry", "EnvrefTestSupport"]
        ),
        .testTarget(
            name: "EnvrefDocsTests",
            dependencies: [
                "EnvrefDocs", "EnvrefTestSupport", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Fixtures", "Translate/__Snapshots__", "Render/__Snapshots__"]
        ),
        .testTarget(name: "EnvrefPreviewTests", dependencies: ["EnvrefPreview", "EnvrefDocs"]),
        .testTarget(
            name: "EnvrefSwiftGenTests",
            dependencies: ["EnvrefSwiftGen", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            exclude: ["Fixtures", "Render/__Snapshots__"]
        ),
        // Compiles accessors generated by the plugin from this target's own tricky variables.yaml.
        .testTarget(
            name: "EnvrefAccessorsPluginTests",
            dependencies: ["EnvrefRuntime"],
            exclude: ["variables.yaml"],
            plugins: ["EnvrefAccessorsPlugin"]
        ),
        .testTarget(
            name: "EnvrefTranslationsTests",
            dependencies: ["EnvrefTranslations", "EnvrefTestSupport", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            exclude: ["Fixtures", "Report/__Snapshots__", "PO/__Snapshots__"]
        ),
        .testTarget(name: "EnvrefAuditTests", dependencies: ["EnvrefAudit", "EnvrefRegistry"]),
        .testTarget(
            name: "EnvrefRuntimeTests",
            dependencies: [
                "EnvrefRuntime", "WandbSettings", "EnvrefRegistry", "EnvrefTestSupport",
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .testTarget(name: "wandb-settingsTests", dependencies: ["wandb-settings"]),
        .testTarget(name: "envrefTests", dependencies: ["envref", "CEnvrefHeap", "EnvrefTestSupport"], exclude: ["HostileRegistries"]),
    ]
)
