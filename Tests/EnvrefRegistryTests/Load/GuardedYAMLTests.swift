import EnvrefCore
import Testing
import Yams

@testable import EnvrefRegistry

@Suite("Composing the other YAML files behind the registry's guards")
struct GuardedYAMLTests {
    func problems(_ text: String) -> [String] {
        switch GuardedYAML.compose(text, path: "Content/translations.lock", documentName: "the lock file") {
        case .success: []
        case .failure(let error): error.diagnostics.map(\.description)
        }
    }

    @Test("an alias bomb is refused before anything expands it")
    func aliasBomb() {
        let text = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
        #expect(problems(text) == [
            "Content/translations.lock:2:8: error: YAML aliases are not supported in the lock file (found '*a'); write the value out in full",
            "Content/translations.lock:2:12: error: YAML aliases are not supported in the lock file (found '*a'); write the value out in full",
            "Content/translations.lock:3:5: error: YAML aliases are not supported in the lock file (found '*b'); write the value out in full",
            "Content/translations.lock:3:9: error: YAML aliases are not supported in the lock file (found '*b'); write the value out in full",
        ])
    }

    @Test("tags, a second document, duplicate keys and deep nesting are located")
    func otherGuards() {
        #expect(problems("version: !!python/object 1\n") == [
            "Content/translations.lock:1:10: error: YAML tags are not supported in the lock file (found '!!python/object'); write plain values"
        ])
        #expect(problems("version: 1\n---\nversion: 2\n") == [
            "Content/translations.lock:2:1: error: the lock file must be a single YAML document, but a second one starts here"
        ])
        #expect(problems("version: 1\nversion: 2\n") == [
            "Content/translations.lock:2:1: error: duplicate key 'version' (first used at line 1)"
        ])
        #expect(problems("x: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n") == [
            "Content/translations.lock:1:35: error: the YAML is nested too deeply (more than 32 levels)"
        ])
    }

    @Test("a plain file composes as Yams would")
    func plainFile() throws {
        let node = try GuardedYAML.compose("version: 1\nsources: {}\n", path: "l", documentName: "the lock file").get()
        #expect(node?["version"]?.int == 1)
    }
}
