import EnvrefCore
import Testing

@Suite("Stage timings")
struct StageTimingsTests {
    private struct Failure: Error {}

    @Test("the table lines names up in one column and whole milliseconds in the next, then the total")
    func table() {
        var timings = StageTimings()
        timings.record("load registry", .milliseconds(652.4))
        timings.record("render en", .microseconds(999_500))
        timings.record("commit", .zero)
        #expect(timings.table == """
            load registry   652 ms
            render en      1000 ms
            commit            0 ms
            total          1652 ms
            """)
        #expect(timings.total == .milliseconds(652.4) + .microseconds(999_500))
    }

    @Test("a stage is recorded in order, with what it returned handed back, and also when it throws")
    func measure() {
        var timings = StageTimings()
        #expect(timings.measure("first") { 42 } == 42)
        #expect(throws: Failure.self) { try timings.measure("second") { () throws(Failure) in throw Failure() } }
        #expect(timings.stages.map(\.name) == ["first", "second"])
    }

    @Test("an empty record has only its total")
    func empty() {
        #expect(StageTimings().table == "total  0 ms")
    }
}
