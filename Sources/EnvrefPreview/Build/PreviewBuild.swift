import EnvrefCore
import EnvrefDocs
import Foundation

/// One rebuild of the site for the preview: the docs pipeline, then the output writer when every
/// stage succeeded. A failed build writes nothing, so the last good site stays up.
public struct PreviewBuild: Sendable {
    /// The docs pipeline to run.
    public var pipeline: DocsPipeline
    /// The site folder.
    public var outputDirectory: String

    /// Creates a build.
    public init(pipeline: DocsPipeline, outputDirectory: String) {
        self.pipeline = pipeline
        self.outputDirectory = outputDirectory
    }

    /// What one run produced.
    public struct Outcome: Sendable, Equatable {
        /// Every diagnostic, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
        /// Whether the site was written (or was already up to date).
        public var succeeded: Bool
        /// Paths that changed on disk.
        public var changedFiles: [String]
    }

    /// Runs the pipeline and writes the site if it succeeded.
    public func run() -> Outcome {
        let (output, written) = pipeline.run(writingTo: OutputWriter(root: URL(fileURLWithPath: outputDirectory), ownsFolder: true))
        return Outcome(diagnostics: output.diagnostics, succeeded: written != nil, changedFiles: written?.outOfDate ?? [])
    }
}
