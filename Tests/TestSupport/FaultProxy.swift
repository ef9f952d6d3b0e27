public import Foundation

/// An HTTP/1.1 proxy on loopback between `field` devices and `sync-server` that injects faults by a seeded plan:
/// dropped requests and answers, duplicates, delays, reordering and truncated bodies (see `Fault`).
///
/// Each connection carries one request (`Connection: close` both ways). With `faultsEnabled` off it passes every
/// request through, and it can record each exchange, to learn exactly what the server acknowledged.
public final class FaultProxy: @unchecked Sendable {
    // @unchecked Sendable: every mutable member is guarded by `lock`; the sockets are used by the thread that owns
    // their connection, and the listener is only closed (which is thread-safe) from elsewhere.

    /// One request the server answered, as the proxy saw it (whether or not a fault then kept the answer from the
    /// device).
    public struct Exchange: Sendable {
        public let request: HTTPWireRequest
        public let response: HTTPWireResponse
    }

    private let listener: LoopbackSocket
    private let upstreamPort: @Sendable () -> Int
    private let lock = NSLock()
    private let idle = NSCondition()
    private var plan: FaultPlan
    private var enabled = false
    private var recording = false
    private var exchanges: [Exchange] = []
    private var counts: [Fault: Int] = [:]
    private var held: [DispatchSemaphore] = []
    private var inFlight = 0

    /// The port devices connect to.
    public var port: Int { listener.port }
    /// The proxy's base URL, to enroll devices with.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts a proxy forwarding to 127.0.0.1:`upstreamPort()` (asked per request, so a restarted server is found).
    public init(plan: FaultPlan, upstreamPort: @escaping @Sendable () -> Int) throws {
        self.plan = plan
        self.upstreamPort = upstreamPort
        listener = try LoopbackSocket.listening()
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Whether requests get faults by the plan (off at first).
    public var faultsEnabled: Bool {
        get { lock.withLock { enabled } }
        set { lock.withLock { enabled = newValue } }
    }

    /// Whether exchanges are kept for `takeRecorded()` (off at first).
    public var recordsExchanges: Bool {
        get { lock.withLock { recording } }
        set { lock.withLock { recording = newValue } }
    }

    /// The exchanges kept while `recordsExchanges` was on, since the last call; they are handed over once.
    public func takeRecorded() -> [Exchange] {
        lock.withLock {
            defer { exchanges.removeAll() }
            return exchanges
        }
    }

    /// How many times each fault was injected.
    public var injected: [Fault: Int] { lock.withLock { counts } }

    /// Waits until no request is in flight: held, delayed and duplicated requests have all been handled.
    public func waitUntilIdle(timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        idle.lock()
        defer { idle.unlock() }
        while lock.withLock({ inFlight }) > 0 {
            guard idle.wait(until: deadline) else { throw HarnessError("the fault proxy was still busy after \(timeout) s") }
        }
    }

    /// Stops accepting connections.
    public func stop() { listener.close() }

    deinit { listener.close() }

    // MARK: Connections

    private func acceptLoop() {
        while let client = listener.accept() {
            begin()
            Thread.detachNewThread { [self] in
                defer { end() }
                client.setTimeout(30)
                guard let request = HTTPWireRequest.read(from: client) else { return client.close() }
                let fault: Fault? = lock.withLock {
                    guard enabled, let fault = plan.next() else { return nil }
                    counts[fault, default: 0] += 1
                    return fault
                }
                handle(request, from: client, fault: fault)
                client.close()
            }
        }
    }

    private func handle(_ request: HTTPWireRequest, from client: LoopbackSocket, fault: Fault?) {
        switch fault {
        case .dropRequest:
            return
        case .dropResponse:
            _ = forward(request)
        case .duplicate:
            guard let response = forward(request) else { return }
            client.write(response.raw)
            let pause = lock.withLock { plan.draw(0...200) }
            begin()
            Thread.detachNewThread { [self] in
                defer { end() }
                Thread.sleep(forTimeInterval: Double(pause) / 1000)
                _ = forward(request)
            }
        case .delay:
            Thread.sleep(forTimeInterval: Double(lock.withLock { plan.draw(20...250) }) / 1000)
            relay(request, to: client)
        case .reorder:
            let turn = DispatchSemaphore(value: 0)
            lock.withLock { held.append(turn) }
            _ = turn.wait(timeout: .now() + 0.5)
            lock.withLock { held.removeAll { $0 === turn } }
            relay(request, to: client)
        case .truncateRequest:
            var truncated = request
            truncated.body = request.body.prefix(lock.withLock { plan.draw(0...max(0, request.body.count - 1)) })
            relay(truncated, to: client)
        case .truncateResponse:
            guard let response = forward(request) else { return }
            client.write(response.raw.prefix(lock.withLock { plan.draw(0...max(0, response.raw.count - 1)) }))
        case nil:
            relay(request, to: client)
        }
    }

    /// Forwards the request and relays the whole answer to the client.
    private func relay(_ request: HTTPWireRequest, to client: LoopbackSocket) {
        guard let response = forward(request) else { return }
        client.write(response.raw)
    }

    /// Sends the request to the server and reads its answer; nil if the server could not be reached. Releases the
    /// requests held for reordering once the server has answered this one.
    private func forward(_ request: HTTPWireRequest) -> HTTPWireResponse? {
        let response = try? HTTPWireResponse.exchange(request.encoded, port: upstreamPort())
        lock.withLock {
            if recording, let response, response.status != 0 {
                exchanges.append(Exchange(request: request, response: response))
            }
            held.forEach { $0.signal() }
        }
        return response?.status == 0 ? nil : response
    }

    private func begin() { lock.withLock { inFlight += 1 } }

    private func end() {
        idle.lock()
        lock.withLock { inFlight -= 1 }
        idle.broadcast()
        idle.unlock()
    }
}
