/// How long each named stage of a run took, in the order the stages ran: what `--timings` prints.
public struct StageTimings: Sendable, Equatable {
    /// One stage and its wall time.
    public struct Stage: Sendable, Equatable {
        /// What the stage did, such as "load registry".
        public var name: String
        /// How long it took, by the wall clock.
        public var duration: Duration

        /// Creates a record of one stage.
        public init(name: String, duration: Duration) {
            self.name = name
            self.duration = duration
        }
    }

    /// The stages, in the order they ran.
    public private(set) var stages: [Stage] = []

    /// An empty record.
    public init() {}

    /// Runs `body` and records its wall time under `name`, also when it throws.
    public mutating func measure<Result, Failure: Error>(_ name: String, _ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        defer { record(name, clock.now - start) }
        return try body()
    }

    /// Records a stage timed elsewhere.
    public mutating func record(_ name: String, _ duration: Duration) {
        stages.append(Stage(name: name, duration: duration))
    }

    /// The time of every stage together.
    public var total: Duration {
        stages.reduce(.zero) { $0 + $1.duration }
    }

    /// A line per stage and one for the total: names in one column, whole milliseconds right-aligned in the next.
    public var table: String {
        let rows = stages.map { ($0.name, Self.wholeMilliseconds($0.duration)) } + [("total", Self.wholeMilliseconds(total))]
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let timeWidth = rows.map(\.1.count).max() ?? 0
        return rows.map { name, time in
            name + String(repeating: " ", count: nameWidth - name.count + 2 + timeWidth - time.count) + time + " ms"
        }.joined(separator: "\n")
    }

    /// A duration in whole milliseconds, rounded to the nearest, without the unit: `63` for 62.6 ms.
    public static func wholeMilliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String((seconds * 1_000) + (attoseconds + 500_000_000_000_000) / 1_000_000_000_000_000)
    }
}
