import Foundation
import PackagePlugin

/// Generates a target's typed settings accessors from a registry on every `swift build`.
///
/// The registry is the target's own `variables.yaml` when it has one, otherwise the package's
/// `Content/variables.yaml`. The command declares the registry as its only input and one fixed output,
/// so SwiftPM runs the generator only when the registry (or the generator) changes; the generator
/// rewrites the output only when its bytes change, so an unchanged result does not recompile the target.
@main
struct EnvrefAccessorsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let registry = try RegistryLocation.find(targetDirectory: target.directoryURL, packageDirectory: context.package.directoryURL)
        let output = context.pluginWorkDirectoryURL.appending(path: "EnvrefGeneratedSettings.swift")
        return [
            .buildCommand(
                displayName: "Generating settings accessors for \(target.name) from \(registry.displayPath)",
                executable: try context.tool(named: "envref-swiftgen").url,
                arguments: [registry.url.path, "--output", output.path, "--display-path", registry.displayPath],
                inputFiles: [registry.url],
                outputFiles: [output])
        ]
    }
}

/// Where a target's registry is.
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

    private static func relativePath(of file: URL, to directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// A message SwiftPM shows when the plugin cannot run.
struct PluginError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
