import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// The docs build from start to finish: load the registry, content and translation lock, translate
/// to contexts, render, and hand back the files. Writing is the caller's choice (`OutputWriter`).
public struct DocsPipeline: Sendable {
    /// The content folder (`Content`).
    public var contentDirectory: String
    /// The registry file (`Content/variables.yaml`).
    public var registryPath: String
    /// The templates folder (`Templates`).
    public var templatesDirectory: String

    /// Creates a pipeline over three locations.
    public init(contentDirectory: String, registryPath: String? = nil, templatesDirectory: String) {
        self.contentDirectory = contentDirectory
        self.registryPath = registryPath ?? "\(contentDirectory)/variables.yaml"
        self.templatesDirectory = templatesDirectory
    }

    /// The outcome of a run: files when every stage succeeded, and every diagnostic from every stage.
    public struct Output: Sendable {
        /// The files of the site, or `nil` when any stage failed.
        public var files: [OutputFile]?
        /// Everything reported, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Runs every stage; each later stage runs only if the earlier ones had no errors, but
    /// independent inputs (registry, strings, templates) are all checked in one go.
    public func run() -> Output {
        let loaded = RegistryLoader.load(fileAt: URL(fileURLWithPath: registryPath), displayPath: registryPath)
        let templates = TemplateSet.load(from: templatesDirectory)
        var diagnostics = loaded.diagnostics + templates.diagnostics
        guard let registry = loaded.registry else { return Output(files: nil, diagnostics: diagnostics.sorted()) }
        let content = SiteContentLoader(contentDirectory: contentDirectory).load(for: registry)
        diagnostics += content.diagnostics
        guard let siteContent = content.content, let templateSet = templates.templates else {
            return Output(files: nil, diagnostics: diagnostics.sorted())
        }
        let lock = TranslationFiles(registryPath: registryPath).loadLock()
        diagnostics += lock.diagnostics
        guard !lock.diagnostics.containsErrors else { return Output(files: nil, diagnostics: diagnostics.sorted()) }
        let status = TranslationStatus(registry: registry, lock: lock.lock)
        let contexts = SiteContextBuilder().build(siteContent, status: status)
        do {
            let files = try SiteRenderer(templates: templateSet).render(contexts)
            return Output(files: files, diagnostics: diagnostics.sorted())
        } catch {
            return Output(files: nil, diagnostics: (diagnostics + error.diagnostics).sorted())
        }
    }
}
