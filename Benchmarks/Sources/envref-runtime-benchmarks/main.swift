import Benchmark
import Configuration
import EnvrefRuntime
import Foundation
import WandbSettings

// Resolving typed settings runs beside the plainest reads of the same variables, in the same process, so
// runtime.py reports ratios that do not depend on the machine's speed: a raw getenv loop that makes each
// value a Swift String (the floor any resolver pays) and plain swift-configuration lookups.

/// Keeps the optimizer from dropping work whose result is otherwise unused.
@inline(never)
func blackHole<T>(_ value: T) {}

/// A valid value for every kind, so resolving parses every setting and throws nothing.
func sampleText(for definition: SettingDefinition) -> String {
    switch definition.kind {
    case .string: definition.constraints.pattern == nil ? "sample-value" : "someone@example.com"
    case .bool: "true"
    case .int: String(definition.constraints.minimum ?? 1)
    case .path: "/tmp/envref-bench/\(definition.name.lowercased())"
    case .url: "https://api.example.com"
    case .enumeration(let values, _): values[0]
    case .list(let separator): ["alpha", "beta", "gamma"].joined(separator: separator)
    }
}

// Every current name is set; deprecated names stay unset, as in a program that has moved on, but the
// resolver still looks them up, so the reference loops read them too.
let definitions = WandbSettings.schema.definitions
for definition in definitions { setenv(definition.name, sampleText(for: definition), 1) }
// The user settings folder points nowhere, so no settings file is read by accident.
setenv("WANDB_CONFIG_DIR", "/nonexistent/envref-bench", 1)
let names = definitions.flatMap { [$0.name] + $0.deprecatedNames }
let keys = names.map { ConfigKey([$0]) }
let reader = ConfigReader(provider: EnvironmentVariablesProvider())
let resolved = try WandbSettings()

benchmark("resolve: WandbSettings() with the process environment") {
    blackHole(try WandbSettings())
}

benchmark("field: read one property of resolved settings") {
    blackHole(resolved.mode)
}

benchmark("getenv: raw getenv of every name, each value made a String") {
    for name in names {
        if let value = getenv(name) { blackHole(String(cString: value)) }
    }
}

benchmark("config-reader: ConfigReader over EnvironmentVariablesProvider, every name") {
    for key in keys { blackHole(reader.string(forKey: key)) }
}

Benchmark.main()
