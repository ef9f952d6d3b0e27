extension Sequence {
    /// The results of `transform` on each element, one after another and in order: `map` for a transform that
    /// awaits (e.g. runs a command).
    public func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
