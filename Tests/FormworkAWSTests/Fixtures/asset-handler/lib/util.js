module.exports = { greet: (n) => "hi " + n };
