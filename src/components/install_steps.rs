//! Manual installation on the four servers the documents name: where the
//! files go, the configuration lines, and the command that makes it take effect.

/// A web server with installation steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Server {
    Nginx,
    Apache,
    Tomcat,
    Iis,
}

impl Server {
    pub const ALL: [Server; 4] = [Server::Nginx, Server::Apache, Server::Tomcat, Server::Iis];

    pub fn label(self) -> &'static str {
        match self {
            Server::Nginx => "Nginx",
            Server::Apache => "Apache",
            Server::Tomcat => "Tomcat",
            Server::Iis => "IIS",
        }
    }
}

/// The steps: (what to do, the lines to use), and the reload command.
pub struct Steps {
    pub files: String,
    pub config: String,
    pub reload: String,
}

use crate::platform::download::file_stem;

pub fn steps(server: Server, name: &str, domain: &str) -> Steps {
    let n = file_stem(name);
    match server {
        Server::Nginx => Steps {
            files: format!(
                "Copy {n}.pem (the certificate followed by its chain) and {n}.key to /etc/nginx/ssl/."
            ),
            config: format!(
                "server {{\n    listen 443 ssl;\n    server_name {domain};\n    ssl_certificate     /etc/nginx/ssl/{n}.pem;\n    ssl_certificate_key /etc/nginx/ssl/{n}.key;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}}"
            ),
            reload: "sudo nginx -t && sudo systemctl reload nginx".into(),
        },
        Server::Apache => Steps {
            files: format!(
                "Copy {n}.pem (certificate and chain; Apache 2.4.8 or later reads both from one file) and {n}.key to /etc/ssl/certdesk/."
            ),
            config: format!(
                "<VirtualHost *:443>\n    ServerName {domain}\n    SSLEngine on\n    SSLCertificateFile    /etc/ssl/certdesk/{n}.pem\n    SSLCertificateKeyFile /etc/ssl/certdesk/{n}.key\n</VirtualHost>"
            ),
            reload: "sudo apachectl configtest && sudo apachectl graceful".into(),
        },
        Server::Tomcat => Steps {
            files: format!(
                "Make a PKCS#12 keystore from the certificate and key, and copy it to Tomcat's conf/ folder:\nopenssl pkcs12 -export -in {n}.pem -inkey {n}.key -out {n}.p12 -name tomcat"
            ),
            config: format!(
                "<!-- conf/server.xml -->\n<Connector port=\"443\" protocol=\"org.apache.coyote.http11.Http11NioProtocol\" SSLEnabled=\"true\">\n    <SSLHostConfig>\n        <Certificate certificateKeystoreFile=\"conf/{n}.p12\"\n                     certificateKeystoreType=\"PKCS12\"\n                     certificateKeystorePassword=\"the password you chose\" />\n    </SSLHostConfig>\n</Connector>"
            ),
            reload: "sudo systemctl restart tomcat".into(),
        },
        Server::Iis => Steps {
            files: format!(
                "Make a PFX file from the certificate and key:\nopenssl pkcs12 -export -in {n}.pem -inkey {n}.key -out {n}.pfx"
            ),
            config: format!(
                "# PowerShell, as Administrator\n$pfx = Import-PfxCertificate -FilePath C:\\certs\\{n}.pfx -CertStoreLocation Cert:\\LocalMachine\\My -Password (Read-Host -AsSecureString -Prompt 'PFX password')\nGet-WebBinding -Protocol https -HostHeader '{domain}' | ForEach-Object {{ $_.AddSslCertificate($pfx.Thumbprint, 'My') }}"
            ),
            reload: "iisreset /restart".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_server_gets_its_files_lines_and_reload_command() {
        let nginx = steps(Server::Nginx, "Wildcard example.com", "*.example.com");
        assert!(
            nginx
                .config
                .contains("ssl_certificate     /etc/nginx/ssl/Wildcard_example.com.pem;")
        );
        assert!(nginx.reload.contains("reload nginx"));
        assert!(
            steps(Server::Apache, "a", "a.com")
                .config
                .contains("SSLCertificateKeyFile")
        );
        assert!(
            steps(Server::Tomcat, "a", "a.com")
                .files
                .contains("pkcs12 -export")
        );
        assert!(
            steps(Server::Iis, "a", "a.com")
                .config
                .contains("Import-PfxCertificate")
        );
    }
}
