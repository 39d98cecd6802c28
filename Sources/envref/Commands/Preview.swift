import ArgumentParser
import EnvrefDocs
import EnvrefPreview
import Foundation

/// `envref preview`: serve Site/ locally and rebuild it as Content/ and Templates/ change.
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Site/ on 127.0.0.1, rebuilding it and reloading open pages as you edit.",
        discussion: """
            Builds the site, serves it at http://127.0.0.1:<port>/ under the path of the base URL in \
            Content/site.yaml (so root-relative links work as they will when published), and looks at \
            Content/ and Templates/ four times a second. After a good rebuild open pages reload; after a \
            failed one the diagnostics are printed here and shown over the page, and the last good site \
            stays up. Stop it with Ctrl-C.
            """)

    @OptionGroup var content: ContentOptions

    @OptionGroup var cache: CacheOptions

    @Option(name: .customLong("templates"), help: "The templates folder.")
    var templatesDirectory = "Templates"

    @Option(name: .customLong("output"), help: "The site folder to write and serve.")
    var outputDirectory = "Site"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    func run() async throws {
        let pipeline = DocsPipeline(
            contentDirectory: content.contentDirectory, registryPath: content.resolvedRegistryPath,
            templatesDirectory: templatesDirectory, rowCache: cache.rowCache)
        let registryFolder = (content.resolvedRegistryPath as NSString).deletingLastPathComponent
        var watched = [content.contentDirectory, templatesDirectory]
        if !watched.contains(registryFolder), !registryFolder.isEmpty { watched.append(registryFolder) }
        let settings = SiteSettings.load(from: SiteContentLoader(contentDirectory: content.contentDirectory).settingsPath)
        let server = PreviewServer(
            build: PreviewBuild(pipeline: pipeline, outputDirectory: outputDirectory),
            watchedFolders: watched,
            rootPath: PreviewServer.rootPath(forBaseURL: settings.settings.baseURL),
            port: port)
        try await server.run(
            report: { message in Console.printError(message) },
            listening: { address in
                // Written unbuffered, so scripts that start the preview can read the address at once.
                FileHandle.standardOutput.write(Data("Serving \(outputDirectory)/ at \(address) (Ctrl-C stops)\n".utf8))
            })
    }
}
