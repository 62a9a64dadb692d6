import AkkoordCore
import Foundation

/// The operator's scenario as the table sees it, and the presentation views that follow it.
actor TafelSession {
    private(set) var draft: TafelDraft?
    private(set) var revision = 0
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0
    private var finished = false
    /// The last answer of `/api/tafel` with the revision and rule-base generation it belongs to.
    private var cached: (revision: Int, generation: Int, text: String)?

    /// The revision and the draft that belong to it, read together.
    var current: (revision: Int, draft: TafelDraft?) { (revision, draft) }

    func remember(revision: Int, generation: Int, text: String) {
        if revision == self.revision { cached = (revision, generation, text) }
    }

    func cachedAnswer(generation: Int) -> String? {
        guard let cached, cached.revision == revision, cached.generation == generation else { return nil }
        return cached.text
    }

    /// Replaces the operator's scenario, keeps its answer (`answer` of the new revision) and then tells every
    /// presentation view; returns the answer.
    func set(_ draft: TafelDraft, generation: Int, answer: (_ revision: Int) -> String) -> String {
        self.draft = draft
        revision += 1
        let text = answer(revision)
        cached = (revision, generation, text)
        broadcast(event: "toestand", data: "{\"revisie\":\(revision)}")
        return text
    }

    /// Sends a server-sent event to every listener.
    func broadcast(event: String, data: String) {
        let text = "event: \(event)\ndata: \(data)\n\n"
        for continuation in listeners.values { continuation.yield(text) }
    }

    /// A stream of events for one presentation view; it ends when the view goes away or the server stops.
    func listen() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        if finished {
            continuation.finish()
            return stream
        }
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield("retry: 1000\nevent: toestand\ndata: {\"revisie\":\(revision)}\n\n")
        return stream
    }

    private func remove(_ id: Int) { listeners[id] = nil }

    var listenerCount: Int { listeners.count }

    /// Ends every stream (graceful shutdown).
    func finish() {
        finished = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }
}
