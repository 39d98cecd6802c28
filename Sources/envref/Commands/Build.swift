import ArgumentParser

/// `envref build`: render the reference pages into Site/.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the Markdown and HTML reference pages into Site/.")

    @OptionGroup var content: ContentOptions

    func run() async throws {}
}
