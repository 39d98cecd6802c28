import EnvrefCore
import Yams

/// Composes the project's other YAML files (translation lock, site settings, interface strings) behind
/// the registry's guards.
///
/// `Yams.compose` expands aliases and hashes every key, so a few lines of nested aliases take
/// exponential time, and deep nesting can overflow the stack. These files live beside the registry and
/// are as open to a hostile edit, so they get the same linear pre-scan: aliases, tags, a second
/// document, duplicate keys and absurd nesting are reported, at their positions, before composing.
public enum GuardedYAML {
    /// The root node (`nil` for an empty document), or every problem found; `documentName` names the
    /// file in messages, such as "the lock file".
    public static func compose(_ text: String, path: String, documentName: String) -> Result<Node?, DiagnosticsError> {
        let prescan = YAMLPrescan(SourceText(text: text, path: path), documentName: documentName)
        guard prescan.diagnostics.isEmpty else { return .failure(DiagnosticsError(prescan.diagnostics.sorted())) }
        return prescan.compose().mapError { DiagnosticsError([$0]) }
    }
}
