#!/usr/bin/env python3
"""A hostile AWS endpoint for the client's tests: it answers as a broken or malicious endpoint would.

usage: hostile_endpoint.py PARENT_PID
Listens on 127.0.0.1 (the endpoint) and 127.0.0.2 (the "other host" redirects point to), each on a free port,
prints "PORT OTHER_PORT" on its first line, and exits when process PARENT_PID is gone.

The first segment of the request path chooses the behaviour:
  /redirect/<status>   a redirect to the other host, which records every request it receives
  /endless-body        200 without a length, bytes until the client hangs up
  /huge-length         200 announcing 10 GiB
  /slow-drip           200, one byte a second
  /deep-xml            200, an answer nested 60,000 elements deep
  /endless-pages       ListStacks pages, each with a new NextToken
  /looping-pages       ListStacks pages, always with the same NextToken
  /stack-name/<name>   DescribeStacks and GetTemplate answers for a stack named <name> (URL-encoded)
On the other host, GET /__seen__ lists the requests it received (method, path, and the names of their headers).
"""
import json, os, socket, sys, threading, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEEN = []
STACK_XML = """<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>
<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/x/1</StackId><StackName>{name}</StackName>
<StackStatus>CREATE_COMPLETE</StackStatus></member></Stacks></DescribeStacksResult></DescribeStacksResponse>"""
TEMPLATE_XML = """<GetTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><GetTemplateResult>
<TemplateBody>{{"Resources": {{}}}}</TemplateBody></GetTemplateResult></GetTemplateResponse>"""
PAGE_XML = """<ListStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStacksResult>
<StackSummaries><member><StackName>s{n}</StackName><StackStatus>CREATE_COMPLETE</StackStatus></member></StackSummaries>
<NextToken>{token}</NextToken></ListStacksResult></ListStacksResponse>"""


class Endpoint(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without this, each answer waits for a delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def answer(self, body, status=200, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        return urllib.parse.parse_qs(self.rfile.read(length).decode()) if length else {}

    def do_GET(self):
        self.handle_request()

    def do_PUT(self):
        self.handle_request()

    def do_POST(self):
        self.handle_request()

    def handle_request(self):
        form = self.form() if self.command != "GET" else {}
        parts = self.path.split("?")[0].strip("/").split("/")
        mode = parts[0]
        try:
            if mode == "redirect":
                status = int(parts[1]) if len(parts) > 1 else 307
                self.answer("", status, [("Location", f"http://127.0.0.2:{OTHER_PORT}/capture")])
            elif mode == "endless-body":
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<a>" * 21845
                while True:
                    self.wfile.write(chunk)
            elif mode == "huge-length":
                self.send_response(200)
                self.send_header("Content-Length", str(10 << 30))
                self.end_headers()
                while True:
                    self.wfile.write(b"x" * 65536)
            elif mode == "slow-drip":
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                for _ in range(1000):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            elif mode == "deep-xml":
                self.answer("<a>" * 60000 + "</a>" * 60000)
            elif mode == "endless-pages":
                token = form.get("NextToken", ["0"])[0]
                self.answer(PAGE_XML.format(n=token, token=int(token) + 1))
            elif mode == "looping-pages":
                self.answer(PAGE_XML.format(n=0, token="same"))
            elif mode == "stack-name":
                name = urllib.parse.unquote(parts[1]) if len(parts) > 1 else ""
                action = form.get("Action", [""])[0]
                xml = TEMPLATE_XML if action == "GetTemplate" else STACK_XML.format(name=name.replace("&", "&amp;").replace("<", "&lt;"))
                self.answer(xml, headers=[("Content-Type", "text/xml")])
            else:
                self.answer("unknown mode", 404)
        except (BrokenPipeError, ConnectionResetError):
            pass


class OtherHost(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self):
        if self.path == "/__seen__":
            body = json.dumps(SEEN).encode()
        else:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            SEEN.append({"method": self.command, "path": self.path, "headers": sorted(k.lower() for k in self.headers.keys())})
            body = b"captured"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = record


def watch_parent(parent):
    while True:
        try:
            os.kill(parent, 0)
        except OSError:
            os._exit(0)
        time.sleep(1)


if __name__ == "__main__":
    endpoint = ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    other = ThreadingHTTPServer(("127.0.0.2", 0), OtherHost)
    OTHER_PORT = other.server_address[1]
    endpoint.daemon_threads = other.daemon_threads = True
    threading.Thread(target=other.serve_forever, daemon=True).start()
    threading.Thread(target=watch_parent, args=(int(sys.argv[1]),), daemon=True).start()
    print(endpoint.server_address[1], OTHER_PORT, flush=True)
    endpoint.serve_forever()
