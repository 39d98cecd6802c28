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
        let transaction: OutputTransaction
        do {
            transaction = try OutputWriter(root: URL(fileURLWithPath: outputDirectory), ownsFolder: true).begin()
        } catch {
            return Outcome(diagnostics: [writeFailure(error)], succeeded: false, changedFiles: [])
        }
        let output = pipeline.run { try transaction.add($0) }
        guard output.succeeded else {
            transaction.cancel()
            return Outcome(diagnostics: output.diagnostics, succeeded: false, changedFiles: [])
        }
        do {
            let plan = try transaction.commit()
            return Outcome(diagnostics: output.diagnostics, succeeded: true, changedFiles: plan.outOfDate)
        } catch {
            return Outcome(diagnostics: output.diagnostics + [writeFailure(error)], succeeded: false, changedFiles: [])
        }
    }

    private func writeFailure(_ error: any Error) -> Diagnostic {
        .error("cannot write the site: \(error)", at: SourceLocation(path: outputDirectory, line: 1))
    }
}
