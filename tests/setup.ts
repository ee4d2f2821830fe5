import nock from "nock";

// Tests never reach the network: every GitHub request goes to the in-memory sandbox.
nock.disableNetConnect();
