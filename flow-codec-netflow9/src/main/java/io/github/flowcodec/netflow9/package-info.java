/** NetFlow v9 (RFC 3954): decoder, encoder and packet builder. */
package io.github.flowcodec.netflow9;
