require("dotenv").config();

const OpenAI = require("openai");

// One shared client for the whole process.
const client = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  timeout: 20 * 1000,
  maxRetries: 2,
});

module.exports = { client };
