// Consumers of the shop's queues, streams, buckets and schedules. Each logs what it received; partial batch
// failures are reported for SQS and stream batches.
const log = (kind) => async (event) => {
  const records = event.Records || [event];
  for (const record of records) console.log(JSON.stringify({ kind, record: record.messageId || record.eventID || record.id }));
  return { batchItemFailures: [] };
};

exports.inventory = log("inventory");
exports.shipping = log("shipping");
exports.analytics = log("analytics");
exports.notify = log("notify");
exports.cleanup = log("cleanup");
exports.reconcile = log("reconcile");
exports.weeklyReport = log("weeklyReport");
exports.projection = log("projection");
exports.clickstream = log("clickstream");
exports.upload = log("upload");
exports.webhookWorker = log("webhook");
exports.validateOrder = async (order) => ({ ...order, valid: true });
exports.chargeOrder = async (order) => ({ ...order, charged: true });
exports.shipOrder = async (order) => ({ ...order, shipped: true });
