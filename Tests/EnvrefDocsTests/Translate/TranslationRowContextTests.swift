import EnvrefCore
import Testing

@testable import EnvrefDocs

/// The row cache takes a matrix row whose key it holds without rendering it: the key must change with every
/// field the row template can read.
@Suite("Translate: translation matrix rows")
struct TranslationRowContextTests {
    static let base = TranslationRowContext(
        name: "APP_MODE", referenceURL: "../en/#APP_MODE",
        cells: [
            TranslationCellContext(language: "fr", keyword: "stale", label: "Obsolète", hasValueDrift: false),
            TranslationCellContext(language: "ja", keyword: "translated", label: "翻訳済み", hasValueDrift: true),
        ])

    @Test("a matrix row's key changes with each of its fields and each cell's, and with the seed")
    func keyCoversEveryField() throws {
        let rowChanges: [(field: String, change: (inout TranslationRowContext) -> Void)] = [
            ("name", { $0.name += "X" }), ("referenceURL", { $0.referenceURL += "x" }),
            ("cells", { $0.cells.removeLast() }),
        ]
        let cellChanges: [(field: String, change: (inout TranslationCellContext) -> Void)] = [
            ("language", { $0.language += "x" }), ("keyword", { $0.keyword += "x" }), ("label", { $0.label += "x" }),
            ("hasValueDrift", { $0.hasValueDrift.toggle() }),
        ]
        #expect(Set(rowChanges.map(\.field)) == Set(Mirror(reflecting: Self.base).children.compactMap(\.label)),
                "a new field of TranslationRowContext: write it in rowKey(seed:) and change it here")
        #expect(Set(cellChanges.map(\.field)) == Set(Mirror(reflecting: Self.base.cells[0]).children.compactMap(\.label)),
                "a new field of TranslationCellContext: write it in rowKey(seed:) and change it here")
        let key = try #require(Self.base.rowKey(seed: 1))
        #expect(Self.base.rowKey(seed: 2) != key)
        for (field, change) in rowChanges {
            var changed = Self.base
            change(&changed)
            #expect(changed.rowKey(seed: 1) != key, "\(field)")
        }
        for (field, change) in cellChanges {
            for index in Self.base.cells.indices {
                var changed = Self.base
                change(&changed.cells[index])
                #expect(changed.rowKey(seed: 1) != key, "cell \(index): \(field)")
            }
        }
        // Pieces are length-prefixed, so text cannot move from one field to the next unnoticed.
        var joined = Self.base, split = Self.base
        joined.cells[0].language = "frs"
        joined.cells[0].keyword = "tale"
        split.cells[0].language = "fr"
        split.cells[0].keyword = "stale"
        #expect(joined.rowKey(seed: 1) != split.rowKey(seed: 1))
    }
}
