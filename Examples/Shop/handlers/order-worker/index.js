const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      await db.send(new PutItemCommand({
        TableName: process.env.TABLE_NAME,
        Item: { orderId: { S: order.orderId }, expiresAt: { N: String(Math.floor(Date.now() / 1000) + 86400) } },
        ConditionExpression: "attribute_not_exists(orderId)",
      }));
    } catch (error) {
      if (error.name !== "ConditionalCheckFailedException") failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
