// The storefront's HTTP handlers (API Gateway Lambda proxy integration) and the webhook receiver.
const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");
const sqs = new SQSClient({});
const json = (statusCode, body) => ({ statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

exports.listUsers = async () => json(200, { users: [] });
exports.createUser = async (event) => json(201, { user: JSON.parse(event.body || "{}") });
exports.listOrders = async () => json(200, { orders: [] });
exports.createOrder = async (event) => json(201, { order: JSON.parse(event.body || "{}") });

// 202 Accepted: the webhook is queued for a worker; the caller does not wait for the processing.
exports.webhook = async (event) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: event.body || "{}" }));
  return json(202, { accepted: true });
};
