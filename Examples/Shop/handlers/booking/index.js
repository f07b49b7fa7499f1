// The booking saga's steps. Each reservation returns what its compensation needs to undo it.
const step = (name) => async (input) => {
  console.log(JSON.stringify({ step: name, bookingId: input.bookingId }));
  if (name === "processPayment" && input.failPayment) throw new Error("PaymentDeclined");
  return { ...input, [name]: "done" };
};

exports.reserveFlight = step("reserveFlight");
exports.reserveHotel = step("reserveHotel");
exports.processPayment = step("processPayment");
exports.cancelHotel = step("cancelHotel");
exports.cancelFlight = step("cancelFlight");
