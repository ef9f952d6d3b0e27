/// A failure of the benchmark itself (not a figure): what went wrong, for the person running it.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
