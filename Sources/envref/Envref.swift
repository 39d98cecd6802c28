import ArgumentParser

/// The `envref` command line: one registry in, docs, code and translation reports out.
@main
struct Envref: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "envref",
        abstract: "Keep environment-variable docs, translations and code in step with one registry.",
        discussion: """
            The registry is Content/variables.yaml. Paths default to Content/, Templates/ and Site/ \
            under the current directory.
            """,
        version: "0.1.0",
        subcommands: [
            Validate.self,
            Build.self,
            Preview.self,
            GenerateSwift.self,
            Audit.self,
            Diff.self,
            Translations.self,
            Import.self,
            PO.self,
        ]
    )
}
