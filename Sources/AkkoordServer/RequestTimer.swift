import NIOCore
import NIOHTTPTypes

/// A request must arrive whole within `limit`, from its head to its last body byte. Hummingbird's idle timeout counts
/// from the last request part read, so a client that sends its body one byte a second would keep a connection open for
/// as long as it likes; this handler closes such a connection when the time is up. The connection's event loop is
/// never blocked by a slow client (NIO reads what arrives), so other clients are served meanwhile; the timer only stops
/// a trickling client from holding its connection. Waiting for the head itself is covered by the idle timeout (a head
/// that is not complete is not a request part, so it does not refresh that timer).
final class RequestTimer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let limit: TimeAmount
    private var deadline: Scheduled<Void>?

    init(limit: TimeAmount) {
        self.limit = limit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: limit) { loopBound.value.close(promise: nil) }
        case .body:
            break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
