import Foundation
import PackagePlugin

/// `swift package generate-swift --target NAME`: writes a target's typed settings accessors into its source
/// folder as `EnvrefGeneratedSettings.swift`, for teams who check generated code in.
///
/// The registry is the target's own `variables.yaml` when it has one, otherwise the package's
/// `Content/variables.yaml`, as for the build plugin; do not apply both to one target. Pass `--access internal`
/// (or `package`) for non-public declarations.
@main
struct EnvrefGenerateSwift: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let access = extractor.extractOption(named: "access").last
        guard extractor.remainingArguments.isEmpty else {
            throw PluginError("unexpected arguments \(extractor.remainingArguments.joined(separator: " ")); usage: swift package generate-swift --target NAME [--access public|package|internal]")
        }
        guard !targetNames.isEmpty else {
            throw PluginError("name the target to generate for: swift package generate-swift --target NAME")
        }
        let tool = try context.tool(named: "envref-swiftgen").url
        for target in try context.package.targets(named: targetNames) {
            guard let target = target as? SourceModuleTarget else { throw PluginError("'\(target.name)' is not a Swift source target") }
            let registry = try RegistryLocation.find(targetDirectory: target.directoryURL, packageDirectory: context.package.directoryURL)
            let output = target.directoryURL.appending(path: "EnvrefGeneratedSettings.swift")
            var arguments = [registry.url.path, "--output", output.path, "--display-path", registry.displayPath]
            if let access { arguments += ["--access", access] }
            let process = try Process.run(tool, arguments: arguments)
            process.waitUntilExit()
            guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                throw PluginError("generating settings for \(target.name) from \(registry.displayPath) failed")
            }
            print("\(target.name): \(relativePath(of: output, to: context.package.directoryURL)) is up to date with \(registry.displayPath)")
        }
    }
}

/// Where a target's registry is; the same rule as the build plugin's.
struct RegistryLocation {
    /// The registry file.
    var url: URL
    /// The path diagnostics show, relative to the package folder like `envref validate` prints it.
    var displayPath: String

    /// The target's own `variables.yaml`, else the package's `Content/variables.yaml`.
    static func find(targetDirectory: URL, packageDirectory: URL) throws -> RegistryLocation {
        let own = targetDirectory.appending(path: "variables.yaml")
        let shared = packageDirectory.appending(path: "Content/variables.yaml")
        for candidate in [own, shared] where FileManager.default.fileExists(atPath: candidate.path) {
            return RegistryLocation(url: candidate, displayPath: relativePath(of: candidate, to: packageDirectory))
        }
        throw PluginError("no registry found: expected \(relativePath(of: own, to: packageDirectory)) or Content/variables.yaml")
    }
}

func relativePath(of file: URL, to directory: URL) -> String {
    let base = directory.standardizedFileURL.path
    let path = file.standardizedFileURL.path
    return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
}

/// A message SwiftPM shows when the plugin cannot run.
struct PluginError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
