import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request has not arrived whole — headers and body — within
/// `timeout` of the connection being ready for it: opened, or every request read so far
/// answered. A client that trickles a request a byte at a time, or sits idle, cannot hold a
/// connection. While a request that was read whole waits for its response (a slow commit, a
/// live stream) no deadline runs; a body still arriving after an early answer (a refusal)
/// stays under the deadline. A response marked `Connection: close` closes the connection
/// once it is written.
final class RequestDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    /// When the client must have sent what it owes; nil while the server owes a response.
    private var deadline: NIODeadline?
    /// The one timer that checks the deadline. It is not cancelled and scheduled again for
    /// every request (that would cost every request a timer): when it fires early because
    /// the deadline moved, it is scheduled for the new one.
    private var timer: Scheduled<Void>?
    /// Requests read whole, and responses written whole: the deadline runs while every
    /// request read has been answered (the client owes the next one, or the rest of one).
    private var requestsRead = 0, responsesEnded = 0
    private var closeAfterResponse = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { update(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        update(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            requestsRead += 1
            update(context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head):
            if head.headerFields[.connection]?.lowercased() == "close" { closeAfterResponse = true }
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            responsesEnded += 1
            guard closeAfterResponse else {
                context.write(data, promise: promise)
                update(context)
                return
            }
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    /// Runs the deadline while the client owes a request (keeping one already running, so
    /// trickling bytes never extends it); stops it while the server owes a response.
    private func update(_ context: ChannelHandlerContext) {
        guard requestsRead <= responsesEnded else {
            deadline = nil
            return
        }
        guard deadline == nil else { return }
        let due = NIODeadline.now() + timeout
        deadline = due
        if timer == nil { schedule(at: due, context) }
    }

    private func schedule(at due: NIODeadline, _ context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { [weak self] in
            guard let self else { return }
            self.timer = nil
            guard let deadline = self.deadline else { return }   // the server owes a response
            if deadline <= NIODeadline.now() {
                context.close(promise: nil)
            } else {
                self.schedule(at: deadline, context)
            }
        }
    }

    private func stop() {
        deadline = nil
        timer?.cancel()
        timer = nil
    }
}
