// The build plugin's tool: loads a registry, generates the settings type, and writes it only when its
// bytes change, so an unchanged result does not make SwiftPM recompile the target.
//
//     envref-swiftgen REGISTRY --output FILE [--display-path PATH] [--access public|package|internal]
//
// Diagnostics go to standard error as `path:line:col: error: message`, the lines `envref validate`
// prints; any error exits 1 and leaves the output untouched.

import EnvrefCore
import EnvrefRegistry
import EnvrefSwiftGen
import Foundation

/// The command line, parsed.
struct Invocation {
    var registryPath: String
    var outputPath: String
    var displayPath: String?
    var access = AccessLevel.public

    static let usage = "usage: envref-swiftgen REGISTRY --output FILE [--display-path PATH] [--access public|package|internal]"

    /// Parses arguments, or returns the message to print.
    static func parse(_ arguments: [String]) -> Result<Invocation, UsageError> {
        var remaining = arguments[...]
        var registryPath: String?
        var outputPath: String?
        var displayPath: String?
        var access = AccessLevel.public
        func value(after option: String) throws(UsageError) -> String {
            guard let value = remaining.popFirst() else { throw UsageError(message: "\(option) needs a value") }
            return value
        }
        do throws(UsageError) {
            while let argument = remaining.popFirst() {
                switch argument {
                case "--output": outputPath = try value(after: argument)
                case "--display-path": displayPath = try value(after: argument)
                case "--access":
                    let text = try value(after: argument)
                    guard let level = AccessLevel(rawValue: text) else {
                        throw UsageError(message: "unknown access level '\(text)'; expected public, package or internal")
                    }
                    access = level
                default:
                    guard !argument.hasPrefix("-"), registryPath == nil else { throw UsageError(message: "unexpected argument '\(argument)'") }
                    registryPath = argument
                }
            }
        } catch {
            return .failure(error)
        }
        guard let registryPath else { return .failure(UsageError(message: "missing the registry path")) }
        guard let outputPath else { return .failure(UsageError(message: "missing --output")) }
        return .success(Invocation(registryPath: registryPath, outputPath: outputPath, displayPath: displayPath, access: access))
    }
}

/// A command line that cannot be run.
struct UsageError: Error {
    var message: String
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func run(_ invocation: Invocation) -> Int32 {
    let shownPath = invocation.displayPath ?? invocation.registryPath
    let result = RegistryLoader.load(fileAt: URL(fileURLWithPath: invocation.registryPath), displayPath: shownPath)
    var diagnostics = result.diagnostics
    var source: String?
    if let registry = result.registry {
        let generated = SwiftGenerator(access: invocation.access).generate(registry)
        diagnostics += generated.diagnostics
        source = generated.source
    }
    for diagnostic in diagnostics { printError(diagnostic.description) }
    guard let source, !diagnostics.containsErrors else { return 1 }
    let output = URL(fileURLWithPath: invocation.outputPath)
    do {
        try OutputWriter(root: output.deletingLastPathComponent())
            .write([OutputFile(path: output.lastPathComponent, text: source)])
    } catch {
        printError("envref-swiftgen: error: cannot write \(invocation.outputPath): \(error.localizedDescription)")
        return 1
    }
    return 0
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(Invocation.usage)
    exit(0)
}
switch Invocation.parse(arguments) {
case .success(let invocation):
    exit(run(invocation))
case .failure(let error):
    printError("envref-swiftgen: error: \(error.message)\n\(Invocation.usage)")
    exit(2)
}
