import ArgumentParser
import EnvrefCore
import EnvrefSwiftGen
import Foundation

/// `envref generate-swift`: write the typed settings accessors, for teams who check generated code in.
struct GenerateSwift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-swift",
        abstract: "Generate the typed Swift settings accessors from the registry.",
        discussion: """
            Prints the generated Swift to standard output, or writes it to --output, only when its bytes \
            change. This is the code the EnvrefAccessorsPlugin build plugin generates on every build; use \
            this command (or `swift package generate-swift --target NAME`) to check the file in instead, and \
            do not apply the build plugin to the same target.

            The type is named by the registry's swift.typeName (default: the prefix in UpperCamelCase plus \
            Settings), and property names drop the registry's prefix.

            With --check nothing is written: exits 1 when --output is missing or out of date. \
            Registry problems are printed as path:line:col: error: message and exit 1.
            """)

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The Swift file to write (default: standard output).", valueName: "file"))
    var output: String?

    @Option(help: "The access level of the generated declarations.")
    var access: AccessLevel = .public

    @Flag(help: "Write nothing; exit 1 when --output is missing or out of date.")
    var check = false

    func validate() throws {
        if check, output == nil { throw ValidationError("--check needs --output") }
    }

    func run() throws {
        let registry = try content.loadRegistry()
        let generated = SwiftGenerator(access: access).generate(registry)
        Console.report(generated.diagnostics)
        guard let source = generated.source else { throw ExitCode.failure }
        guard let output else {
            print(source, terminator: "")
            return
        }
        let url = URL(fileURLWithPath: output)
        let writer = OutputWriter(root: url.deletingLastPathComponent())
        let files = [OutputFile(path: url.lastPathComponent, text: source)]
        if check {
            guard try writer.plan(files).isUpToDate else {
                Console.printError("\(output): out of date; run 'envref generate-swift --output \(output)'")
                throw ExitCode.failure
            }
            print("\(output): up to date")
            return
        }
        let plan = try writer.write(files)
        print("\(output): \(plan.unchanged.isEmpty ? "written" : "unchanged")")
    }
}

extension AccessLevel: ExpressibleByArgument {}
