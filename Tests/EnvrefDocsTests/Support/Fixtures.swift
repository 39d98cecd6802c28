import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

@testable import EnvrefDocs

/// Paths of the test fixtures and of the project's real templates.
enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repositoryRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let contentDirectory = testsDirectory.appending(path: "Fixtures/Content").path
    static let templatesDirectory = repositoryRoot.appending(path: "Templates").path

    /// The project's own content, the W&B registry.
    static let embeddedContentDirectory = repositoryRoot.appending(path: "Content").path

    /// The fixture registry and content (or those of `contentDirectory`), loaded through the real loaders.
    static func siteContent(in contentDirectory: String = contentDirectory) throws -> SiteContent {
        let registry = try RegistryLoader.load(
            fileAt: URL(fileURLWithPath: contentDirectory + "/variables.yaml"), displayPath: "variables.yaml"
        ).get()
        let loaded = SiteContentLoader(contentDirectory: contentDirectory).load(for: registry)
        guard let content = loaded.content else { throw DiagnosticsError(loaded.diagnostics) }
        return content
    }

    /// The fixture's translation status (or that of `contentDirectory`), read from its lock.
    static func translationStatus(in contentDirectory: String = contentDirectory) throws -> TranslationStatus {
        let content = try siteContent(in: contentDirectory)
        let lock = TranslationFiles(registryPath: contentDirectory + "/variables.yaml").loadLock()
        guard !lock.diagnostics.containsErrors else { throw DiagnosticsError(lock.diagnostics) }
        return TranslationStatus(registry: content.registry, lock: lock.lock)
    }

    /// The contexts of every fixture page (or every page of `contentDirectory`), the translations page included.
    static func contexts(in contentDirectory: String = contentDirectory) throws -> SiteContexts {
        SiteContextBuilder().build(try siteContent(in: contentDirectory), status: try translationStatus(in: contentDirectory))
    }

    /// The fixture run through every stage.
    static func renderedFiles() throws -> [OutputFile] {
        let output = DocsPipeline(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory).run()
        guard let files = output.files else { throw DiagnosticsError(output.diagnostics) }
        return files
    }

    static func text(of path: String, in files: [OutputFile]) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// A scratch folder removed when the test ends.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "envref-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A scratch templates folder: every required template saying "ok", then `templates` (by name, without
    /// `.mustache`) written over them.
    static func templatesDirectory(_ templates: [String: String]) throws -> URL {
        let directory = try temporaryDirectory()
        for name in TemplateSet.requiredTemplates {
            try Data((templates[name] ?? "ok\n").utf8).write(to: directory.appending(path: "\(name).mustache"))
        }
        return directory
    }
}
