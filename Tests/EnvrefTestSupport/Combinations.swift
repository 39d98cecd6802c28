/// Every `n`th of the ordered triples of `pieces` (the `n`th, the `2n`th, and so on, first piece outermost), so a
/// generated test covers triples in proportion without trying all of them.
public func everyNthTriple(of pieces: [String], _ n: Int) -> [(String, String, String)] {
    var triples: [(String, String, String)] = []
    var position = 0
    for first in pieces {
        for second in pieces {
            for third in pieces {
                position += 1
                if position % n == 0 { triples.append((first, second, third)) }
            }
        }
    }
    return triples
}
