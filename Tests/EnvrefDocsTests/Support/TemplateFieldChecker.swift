import Foundation

/// Checks that every name a template uses is a field of a context in scope where it is used, the way
/// swift-mustache looks names up: innermost section first, then outwards; `a.b` finds `a` that way
/// and `b` in it.
///
/// The fields of each context type are learnt from sample contexts by reflection, so the samples must
/// fill every optional and list a template opens a section on; the checker reports it when they do not.
struct TemplateFieldChecker {
    /// What a section over a field puts in scope.
    private enum Scope: Equatable {
        /// Text or a flag: no names of its own.
        case leaf
        /// A context type, known from the samples.
        case context(ObjectIdentifier)
        /// A list or optional the samples never fill.
        case unknown
    }

    private var fieldsByType: [ObjectIdentifier: [String: Scope]] = [:]
    private var typeNames: [ObjectIdentifier: String] = [:]

    /// Learns the fields of every context in `samples`.
    init(samples: [Any]) {
        for sample in samples { _ = learn(sample) }
    }

    private mutating func learn(_ value: Any) -> Scope {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { learn($0.value) } ?? .unknown
        case .collection:
            return mirror.children.reduce(Scope.unknown) { scope, element in
                let learnt = learn(element.value)
                return learnt == .unknown ? scope : learnt
            }
        case .struct:
            let type = ObjectIdentifier(Swift.type(of: value))
            typeNames[type] = String(describing: Swift.type(of: value))
            for case (let name?, let field) in mirror.children {
                let learnt = learn(field)
                if fieldsByType[type, default: [:]][name] ?? .unknown == .unknown {
                    fieldsByType[type, default: [:]][name] = learnt
                }
            }
            return .context(type)
        default:
            return .leaf
        }
    }

    /// Every problem in `template` when rendered with a context of type `root`, as `line N: message`;
    /// `rendered` names text the renderer adds beside the root's fields (a page's finished rows).
    func problems(in template: String, root: Any.Type, rendered: Set<String> = []) -> [String] {
        var scopes: [Scope] = [.context(ObjectIdentifier(root))]
        var problems: [String] = []
        let tag = /\{\{\{?(?<sigil>[#^\/&!>%=]?)\s*(?<name>[^{}]*?)\s*\}\}\}?/
        for match in template.matches(of: tag) {
            let line = template[..<match.range.lowerBound].count { $0 == "\n" } + 1
            let sigil = String(match.sigil)
            let name = String(match.name)
            func resolved() -> Scope? {
                if name == "." || scopes.count == 1 && rendered.contains(name) { return .leaf }
                let (scope, problem) = resolve(name, in: scopes)
                if let problem { problems.append("line \(line): {{\(sigil)\(name)}} \(problem)") }
                return scope
            }
            switch sigil {
            case "!", "%":
                continue
            case ">", "=":
                problems.append("line \(line): {{\(sigil)\(name)}} is not supported by this check")
            case "#":
                let scope = resolved()
                if scope == .unknown {
                    problems.append("line \(line): {{#\(name)}} opens a section the samples never fill, so its names cannot be checked")
                }
                scopes.append(scope ?? .leaf)
            case "^":
                _ = resolved()
                scopes.append(.leaf)
            case "/":
                if scopes.count > 1 { scopes.removeLast() }
            default:
                _ = resolved()
            }
        }
        return problems
    }

    private func resolve(_ name: String, in scopes: [Scope]) -> (Scope?, problem: String?) {
        let parts = name.split(separator: ".").map(String.init)
        let contexts = scopes.reversed().compactMap { scope -> ObjectIdentifier? in
            if case .context(let type) = scope { type } else { nil }
        }
        guard let first = parts.first,
              var scope = contexts.lazy.compactMap({ fieldsByType[$0]?[first] }).first
        else {
            return (nil, "names no field of \(contexts.map { typeNames[$0] ?? "?" }.joined(separator: " or "))")
        }
        for part in parts.dropFirst() {
            guard case .context(let type) = scope, let field = fieldsByType[type]?[part] else {
                return (nil, "names no field '\(part)' inside '\(first)'")
            }
            scope = field
        }
        return (scope, nil)
    }
}
